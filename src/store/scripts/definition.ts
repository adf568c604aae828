/** A Lua script as ioredis's defineCommand takes it; without `numberOfKeys`, each call passes the count first. */
export interface ScriptDefinition {
  numberOfKeys?: number;
  lua: string;
}
