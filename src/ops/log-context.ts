import { type Logger, LogLevel } from '@slack/bolt';

const RANK: Record<string, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/** Whether `logger` writes lines at `level` (a level it does not know counts as the lowest). */
export function writesAt(logger: Logger, level: LogLevel): boolean {
  return (RANK[level] ?? 0) >= (RANK[logger.getLevel()] ?? 0);
}

/**
 * What every log line says about where it comes from: the tenant, the decision and the Slack surface of the
 * request (or the scheduler's item) being handled.
 *
 * The context travels with the logger, not with the async call chain: a request's listener gets a logger that
 * carries it (observe.ts), and a flow that learns more (the id of the decision it just created) logs through
 * `withLogContext(logger, { decision })`. AsyncLocalStorage would carry it through every await for free, but
 * on Node 20 it puts a promise hook on every promise of the process, about 0.45 ms of each slash command.
 */
export interface LogContext {
  workspace?: string;
  decision?: string;
  surface?: string;
}

/** Implemented by the app's loggers: the same logger, its lines carrying `context` as well. */
export const WITH_CONTEXT = Symbol('withLogContext');

interface ContextualLogger extends Logger {
  [WITH_CONTEXT](context: LogContext): Logger;
}

/** `logger`, whose lines also carry `context`; a logger that cannot carry fields is returned as it is. */
export function withLogContext(logger: Logger, context: LogContext): Logger {
  const bind = (logger as Partial<ContextualLogger>)[WITH_CONTEXT];
  return bind ? bind.call(logger, context) : logger;
}

/**
 * `logger`, whose lines carry the context `contextOf` works out, once and only when the first line is
 * written: most requests log nothing, and reading a payload for its tenant and decision is not free.
 */
export function withLazyLogContext(logger: Logger, contextOf: () => LogContext): Logger {
  let bound: Logger | undefined;
  const carrier = (): Logger => {
    bound ??= withLogContext(logger, contextOf());
    return bound;
  };
  // A line below the level is dropped before the context is worked out for it.
  const at =
    (level: LogLevel) =>
    (...parts: unknown[]) => {
      if (writesAt(logger, level)) carrier()[level](...parts);
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => logger.getLevel(),
    setName: (name) => logger.setName(name),
    [WITH_CONTEXT]: (more: LogContext) => withLogContext(carrier(), more),
  } as Logger;
}
