import type { Logger, LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import { z } from 'zod';
import type { LogFormat, LogLevel as LogLevelName } from '../config.js';
import { type LogContext, WITH_CONTEXT, withLogContext, writesAt } from '../ops/log-context.js';
import { slackErrorCode } from './errors.js';

/**
 * Every log line the app or Bolt writes passes through here, and secrets are cut out first: the configured
 * ones by value, anything shaped like a Slack token or a URL's password, and the values of secret-named keys
 * in logged objects. (At DEBUG, Slack's WebClient logs request bodies, which include `client_secret` during
 * the OAuth code exchange.)
 */

const TOKEN_PATTERN = /\b(xox[abposr]|xapp)-[A-Za-z0-9-]+/g;
/** The password of a URL such as REDIS_URL, which ioredis and Node put in some error messages. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)[^@\s/]+@/gi;

/** A Sentinel password in a REDIS_URL's query. */
const SENTINEL_PASSWORD = /([?&]sentinelPassword=)[^&#\s"']+/gi;
/**
 * The OAuth `code` of an install (a one-time credential) in text already serialized, such as the request body
 * the WebClient logs at DEBUG or a redirect URL. Slack's error codes (`"code":"not_in_channel"`) are lower-case
 * words and stay readable.
 */
const CODE_IN_TEXT = /(\bcode"?\s*[:=]\s*"?)([^"&\s,;}]+)/g;

/** Keys whose values are secret whatever they look like (an OAuth code, a password, a refresh token). */
const SECRET_KEY = /token|secret|password|authorization|^code$/i;

export function redactor(secrets: (string | undefined)[]): (text: string) => string {
  const known = secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 8,
  );
  return (text) =>
    known
      .reduce((out, secret) => out.split(secret).join('[redacted]'), text)
      .replace(TOKEN_PATTERN, '$1-[redacted]')
      .replace(URL_PASSWORD, '$1[redacted]@')
      .replace(SENTINEL_PASSWORD, '$1[redacted]')
      .replace(CODE_IN_TEXT, (match, key: string, value: string) =>
        /^[a-z_]+$/.test(value) ? match : `${key}[redacted]`,
      );
}

function redactPart(part: unknown, redact: (text: string) => string): unknown {
  if (typeof part === 'string') return redact(part);
  if (part instanceof Error) {
    const copy = new Error(redact(part.message));
    copy.name = part.name;
    copy.stack = part.stack ? redact(part.stack) : undefined;
    return copy;
  }
  if (typeof part === 'object' && part !== null) return redact(serialize(part));
  return part;
}

/** Wraps a logger so nothing secret reaches it. */
export function redactingLogger(inner: Logger, secrets: (string | undefined)[]): Logger {
  const redact = redactor(secrets);
  const wrap = (logger: Logger): Logger => {
    // Lines below the inner logger's level are dropped before redaction: WebClient writes each request body at
    // DEBUG, and redacting lines only to drop them cost about 0.3 ms of each slash command.
    const at =
      (level: 'debug' | 'info' | 'warn' | 'error') =>
      (...parts: unknown[]) => {
        if (!writesAt(logger, level as LogLevel)) return;
        logger[level](...parts.map((part) => redactPart(part, redact)));
      };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      setLevel: (level) => logger.setLevel(level),
      getLevel: () => logger.getLevel(),
      setName: (name) => logger.setName(name),
      [WITH_CONTEXT]: (context: LogContext) => wrap(withLogContext(logger, context)),
    } as Logger;
  };
  return wrap(inner);
}

/** Where log lines go: stdout in production, an array in tests. Each call is one whole line. */
export interface LogSink {
  write(line: string): void;
}

/**
 * The app's logger, and through Bolt the Web API client's, the Socket Mode client's and the OAuth
 * installer's: pino, writing JSON lines (`json`) or readable ones (`text`). A line written through
 * `withLogContext(logger, …)` (a listener's logger, a scheduled item's) carries that context; the whole line
 * is redacted before it is written.
 */
export function structuredLogger(options: {
  level: LogLevelName;
  format: LogFormat;
  secrets: (string | undefined)[];
  sink?: LogSink;
}): Logger {
  const redact = redactor(options.secrets);
  const sink = options.sink ?? process.stdout;
  const render = options.format === 'json' ? (line: string) => line : readableLine;
  const base = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => sink.write(redact(render(line))) },
  );
  const carrying = (context: LogContext): Logger => {
    const write =
      (at: 'debug' | 'info' | 'warn' | 'error') =>
      (...parts: unknown[]) => {
        if (!base.isLevelEnabled(at)) return;
        const error = parts.find((part): part is Error => part instanceof Error);
        const message = parts
          .filter((part) => part !== error)
          .map(describePart)
          .join(' ');
        if (error) base[at]({ ...context, err: errorFields(error) }, message || error.message);
        else base[at]({ ...context }, message);
      };
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      setLevel: (level) => {
        base.level = level;
      },
      getLevel: () => base.level as LogLevel,
      // Every Slack client shares this logger and renames it after itself: a name would be wrong on the others' lines.
      setName: () => undefined,
      [WITH_CONTEXT]: (more: LogContext) => carrying({ ...context, ...more }),
    } as Logger;
  };
  return carrying({});
}

function describePart(part: unknown): string {
  if (typeof part === 'string') return part;
  return typeof part === 'object' && part !== null ? serialize(part) : String(part);
}

function serialize(part: object): string {
  try {
    return JSON.stringify(part, (key, value: unknown) =>
      key !== '' && SECRET_KEY.test(key) && value !== undefined ? '[redacted]' : value,
    );
  } catch {
    return '[unserializable]';
  }
}

/** An error as log fields: its Slack or Redis error code when it has one, so logs speak of codes. */
function errorFields(error: Error): Record<string, unknown> {
  const code = slackErrorCode(error) ?? (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(code !== undefined ? { code: String(code) } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

const lineSchema = z.looseObject({
  time: z.string(),
  level: z.string(),
  msg: z.string().optional(),
  workspace: z.string().optional(),
  decision: z.string().optional(),
  surface: z.string().optional(),
  err: z.looseObject({ code: z.string().optional(), stack: z.string().optional() }).optional(),
});

/** `2026-05-01T10:00:00.000Z INFO  message  workspace=T1 decision=abc surface=view`, then the stack if any. */
function readableLine(json: string): string {
  const parsed = lineSchema.safeParse(JSON.parse(json));
  if (!parsed.success) return json;
  const { time, level, msg, workspace, decision, surface, err } = parsed.data;
  const where = Object.entries({ workspace, decision, surface, code: err?.code })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const stack = err?.stack ? `\n    ${err.stack.split('\n').join('\n    ')}` : '';
  return `${time} ${level.toUpperCase().padEnd(5)} ${msg ?? ''}${where ? `  ${where}` : ''}${stack}\n`;
}
