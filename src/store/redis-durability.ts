import { Cluster, type Redis } from 'ioredis';

/**
 * Whether Redis will keep what the app writes, as Redis itself says (not guessed from the URL). Every key this
 * app writes carries a TTL, so any eviction policy but `noeviction` lets a full Redis delete answers; and with
 * neither an append-only file nor RDB snapshots, a Redis restart loses everything.
 */
export interface RedisDurability {
  maxmemoryPolicy: string;
  /** The policy may delete keys with a TTL when Redis is full: all of this app's keys. */
  evicts: boolean;
  appendonly: boolean;
  /** The RDB snapshot schedule (`save`), '' when off; absent when Redis refuses CONFIG (some managed services). */
  save?: string;
  /** An append-only file or RDB snapshots are on. */
  durable: boolean;
  /** What an operator should change, one sentence each. */
  warnings: string[];
}

export interface RedisPersistenceSettings {
  maxmemoryPolicy: string;
  appendonly: boolean;
  save?: string;
}

export function assessDurability(settings: RedisPersistenceSettings): RedisDurability {
  const evicts = settings.maxmemoryPolicy !== 'noeviction';
  const snapshots = settings.save !== undefined && settings.save.trim() !== '';
  const durable = settings.appendonly || snapshots;
  const warnings: string[] = [];
  if (evicts)
    warnings.push(
      `Redis maxmemory-policy is ${settings.maxmemoryPolicy}: a full Redis deletes keys with a TTL, and every key of this app has one, so answers can vanish. Set maxmemory-policy noeviction.`,
    );
  if (!durable)
    warnings.push(
      settings.save === undefined
        ? 'Redis has no append-only file, and its RDB schedule cannot be read (CONFIG is refused): answers may be lost when Redis restarts. Turn on appendonly yes.'
        : 'Redis keeps neither an append-only file nor RDB snapshots: every answer is lost when Redis restarts. Turn on appendonly yes.',
    );
  return { ...settings, evicts, durable, warnings };
}

type Node = Pick<Redis, 'info' | 'config'>;

/** Reads the settings from Redis (every master of a Cluster: the worst of them counts). */
export async function readDurability(client: Node | Cluster): Promise<RedisDurability> {
  const nodes: Node[] = client instanceof Cluster ? client.nodes('master') : [client];
  const settings = await Promise.all(nodes.map(readNode));
  const assessed = settings.map(assessDurability);
  const worst = assessed.find((one) => one.evicts || !one.durable) ?? assessed[0];
  if (!worst) throw new Error('no Redis node to inspect');
  return { ...worst, warnings: [...new Set(assessed.flatMap((one) => one.warnings))] };
}

async function readNode(node: Node): Promise<RedisPersistenceSettings> {
  const [memory, persistence] = await Promise.all([node.info('memory'), node.info('persistence')]);
  const save = await node.config('GET', 'save').then(
    (reply) => (Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : undefined),
    () => undefined,
  );
  return {
    maxmemoryPolicy: infoField(memory, 'maxmemory_policy') ?? 'unknown',
    appendonly: infoField(persistence, 'aof_enabled') === '1',
    ...(save !== undefined ? { save } : {}),
  };
}

/** One `field:value` line of an INFO reply. */
function infoField(info: string, field: string): string | undefined {
  const line = info.split(/\r?\n/).find((candidate) => candidate.startsWith(`${field}:`));
  return line?.slice(field.length + 1).trim();
}
