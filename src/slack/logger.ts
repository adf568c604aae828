import { type Logger, LogLevel } from '@slack/bolt';

/**
 * Every log line the app or Bolt writes passes through here, and secrets are cut out first: the configured
 * ones by value, and anything shaped like a Slack token. (At DEBUG, Slack's WebClient logs request bodies,
 * which include `client_secret` during the OAuth code exchange.)
 */

const TOKEN_PATTERN = /\b(xox[abposr]|xapp)-[A-Za-z0-9-]+/g;
const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function redactor(secrets: (string | undefined)[]): (text: string) => string {
  const known = secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 8,
  );
  return (text) =>
    known
      .reduce((out, secret) => out.split(secret).join('[redacted]'), text)
      .replace(TOKEN_PATTERN, '$1-[redacted]');
}

function redactPart(part: unknown, redact: (text: string) => string): unknown {
  if (typeof part === 'string') return redact(part);
  if (part instanceof Error) {
    const copy = new Error(redact(part.message));
    copy.name = part.name;
    copy.stack = part.stack ? redact(part.stack) : undefined;
    return copy;
  }
  if (typeof part === 'object' && part !== null) {
    try {
      return redact(JSON.stringify(part));
    } catch {
      return '[unserializable]';
    }
  }
  return part;
}

/** Wraps a logger so nothing secret reaches it. */
export function redactingLogger(inner: Logger, secrets: (string | undefined)[]): Logger {
  const redact = redactor(secrets);
  const clean = (parts: unknown[]) => parts.map((part) => redactPart(part, redact));
  return {
    debug: (...parts) => inner.debug(...clean(parts)),
    info: (...parts) => inner.info(...clean(parts)),
    warn: (...parts) => inner.warn(...clean(parts)),
    error: (...parts) => inner.error(...clean(parts)),
    setLevel: (level) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name) => inner.setName(name),
  };
}

/** A plain console logger, `[LEVEL] name message`, like Bolt's own. */
export function consoleLogger(level: LogLevel): Logger {
  let current = level;
  let name = 'stream-verdict';
  const enabled = (at: LogLevel) => ORDER.indexOf(at) >= ORDER.indexOf(current);
  const write =
    (at: LogLevel, sink: (...parts: unknown[]) => void) =>
    (...parts: unknown[]) => {
      if (enabled(at)) sink(`[${at.toUpperCase()}] ${name}`, ...parts);
    };
  return {
    debug: write(LogLevel.DEBUG, console.debug),
    info: write(LogLevel.INFO, console.info),
    warn: write(LogLevel.WARN, console.warn),
    error: write(LogLevel.ERROR, console.error),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next) => {
      name = next;
    },
  };
}
