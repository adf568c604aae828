import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line says about where it comes from: the tenant, the decision and the Slack surface of the
 * request (or the scheduler's item) being handled. Set once where a request or item starts; everything it
 * awaits, including work after the acknowledgement, inherits it.
 */
export interface LogContext {
  workspace?: string;
  decision?: string;
  surface?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...context }, work);
}

/** Adds what became known midway, such as the id of a decision the request just created. */
export function addToLogContext(more: LogContext): void {
  const current = storage.getStore();
  if (current) Object.assign(current, more);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
