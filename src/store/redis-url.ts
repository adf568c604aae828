/**
 * REDIS_URL names one of three deployments. Standalone URLs are handed to ioredis as they are; Cluster and
 * Sentinel URLs list several nodes, which a WHATWG URL cannot hold, so they are parsed here:
 *
 *   redis://[user:password@]host[:port][/db]                       standalone (rediss:// for TLS)
 *   redis+cluster://[user:password@]host:port[,host:port…]         Cluster seed nodes (rediss+cluster:// for TLS)
 *   redis+sentinel://[user:password@]host:port[,host:port…]/master[/db][?sentinelUsername=…&sentinelPassword=…]
 *                                                                  Sentinels and the master's name (rediss+sentinel://)
 *
 * Credentials in the user-info part are the data nodes' own; Sentinels that need a password of their own take
 * it from the query. Nothing here connects, and no problem message repeats a credential.
 */

export interface RedisNode {
  host: string;
  port: number;
}

export interface RedisCredentials {
  username?: string;
  password?: string;
}

export type RedisTarget =
  | { kind: 'standalone'; url: string }
  | ({ kind: 'cluster'; nodes: RedisNode[]; tls: boolean } & RedisCredentials)
  | ({
      kind: 'sentinel';
      sentinels: RedisNode[];
      masterName: string;
      db: number;
      tls: boolean;
      sentinelUsername?: string;
      sentinelPassword?: string;
    } & RedisCredentials);

export type RedisUrlResult = { ok: true; target: RedisTarget } | { ok: false; problem: string };

export const REDIS_URL_FORMS =
  'redis://host:6379 or rediss:// (standalone), redis+cluster://host:7000,host:7001 (Cluster) ' +
  'or redis+sentinel://host:26379,host:26380/mymaster (Sentinel)';

const DEFAULT_PORT = { cluster: 6379, sentinel: 26379 } as const;
const MULTI_NODE = /^(rediss?)\+(cluster|sentinel):\/\/(?:([^@/?#]*)@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?$/;
const SENTINEL_QUERY_KEYS = new Set(['sentinelUsername', 'sentinelPassword']);

export function parseRedisUrl(text: string): RedisUrlResult {
  const url = text.trim();
  if (/^rediss?:\/\//.test(url)) return parseStandalone(url);
  const match = MULTI_NODE.exec(url);
  if (!match) return fail('unknown scheme');
  const [, scheme, kind, userInfo, hostList = '', path = '', query] = match as unknown as [
    string,
    'redis' | 'rediss',
    'cluster' | 'sentinel',
    string | undefined,
    string,
    string | undefined,
    string | undefined,
  ];
  const nodes = parseNodes(hostList, DEFAULT_PORT[kind]);
  if (typeof nodes === 'string') return fail(nodes);
  const credentials = parseUserInfo(userInfo);
  if (credentials === undefined) return fail('the user name or password is not URL-encoded');
  const tls = scheme === 'rediss';

  if (kind === 'cluster') {
    if (path !== '' && path !== '/') return fail('a Cluster URL has no path (Cluster only has database 0)');
    if (query !== undefined && query !== '') return fail('a Cluster URL takes no query parameters');
    return { ok: true, target: { kind: 'cluster', nodes, tls, ...credentials } };
  }

  const [masterName, db = '0', ...extra] = path.replace(/^\//, '').split('/');
  if (!masterName || extra.length > 0 || !/^\d+$/.test(db)) {
    return fail('a Sentinel URL ends in /<master name> or /<master name>/<db number>');
  }
  const params = new URLSearchParams(query ?? '');
  const unknown = [...params.keys()].find((key) => !SENTINEL_QUERY_KEYS.has(key));
  if (unknown !== undefined) return fail(`unknown query parameter "${unknown}"`);
  const master = decode(masterName);
  if (master === undefined) return fail('the master name is not URL-encoded');
  return {
    ok: true,
    target: {
      kind: 'sentinel',
      sentinels: nodes,
      masterName: master,
      db: Number(db),
      tls,
      ...credentials,
      ...optional('sentinelUsername', params.get('sentinelUsername')),
      ...optional('sentinelPassword', params.get('sentinelPassword')),
    },
  };
}

/** The port of a standalone URL as written, if any: after the user info's last `@` and the host (IPv6 in brackets). */
function portWritten(url: string): string | undefined {
  const authority = url.replace(/^rediss?:\/\//, '').split(/[/?#]/, 1)[0] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  return /^(?:\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostAndPort)?.[1];
}

/** Checked here, not by ioredis, whose errors for a bad URL would carry the URL, password and all. */
function parseStandalone(url: string): RedisUrlResult {
  if (/\s/.test(url)) return fail('a standalone URL has no spaces');
  const port = portWritten(url);
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    return fail(`the port "${port}" is not a number from 1 to 65535`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('it is not a valid URL');
  }
  if (!parsed.hostname) return fail('a standalone URL needs a host');
  if (!/^(\/\d*)?$/.test(parsed.pathname)) return fail('the path can only be a database number, e.g. /0');
  if (parsed.search || parsed.hash) return fail('a standalone URL takes no query or fragment');
  if (decode(parsed.username) === undefined || decode(parsed.password) === undefined)
    return fail('the user name or password is not URL-encoded');
  return { ok: true, target: { kind: 'standalone', url } };
}

function parseNodes(list: string, defaultPort: number): RedisNode[] | string {
  const parts = list.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) return 'list the nodes as host:port,host:port';
  const nodes: RedisNode[] = [];
  for (const part of parts) {
    // host, host:port, [v6], [v6]:port
    const node = /^(?:\[([0-9a-fA-F:.]+)\]|([\w.-]+))(?::(\d{1,5}))?$/.exec(part);
    const port = node?.[3] === undefined ? defaultPort : Number(node[3]);
    const host = node?.[1] ?? node?.[2];
    if (!host || port < 1 || port > 65535) return `"${part}" is not a host:port`;
    nodes.push({ host, port });
  }
  return nodes;
}

/** The user-info part, decoded; undefined when it is not valid percent-encoding. */
function parseUserInfo(userInfo: string | undefined): RedisCredentials | undefined {
  if (!userInfo) return {};
  const colon = userInfo.indexOf(':');
  const username = decode(colon === -1 ? userInfo : userInfo.slice(0, colon));
  const password = colon === -1 ? '' : decode(userInfo.slice(colon + 1));
  if (username === undefined || password === undefined) return undefined;
  return { ...optional('username', username), ...optional('password', password) };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function optional<K extends string>(key: K, value: string | null | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

/** The passwords a valid REDIS_URL carries, for the log redaction to cut out wherever they appear. */
export function redisUrlSecrets(text: string): string[] {
  const parsed = parseRedisUrl(text);
  if (!parsed.ok) return [];
  const { target } = parsed;
  if (target.kind === 'standalone') {
    const password = decode(new URL(target.url).password);
    return password ? [password] : [];
  }
  const sentinelPassword = target.kind === 'sentinel' ? target.sentinelPassword : undefined;
  return [target.password, sentinelPassword].filter((secret): secret is string => Boolean(secret));
}

/**
 * A REDIS_URL as a config problem may show it, however broken: everything before its last `@` but the scheme
 * and user name is `***`, and so is every query value. It hides more than it must rather than less.
 */
export function redisUrlForMessage(text: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/{0,2}/i.exec(text)?.[0] ?? '';
  const at = text.lastIndexOf('@');
  const userInfo = text.slice(scheme.length, Math.max(at, scheme.length));
  const colon = userInfo.indexOf(':');
  const hidden =
    at === -1
      ? text
      : `${scheme}${colon === -1 ? '***' : `${userInfo.slice(0, colon)}:***`}${text.slice(at)}`;
  return hidden.replace(/=[^&#]*/g, '=***');
}

function fail(reason: string): RedisUrlResult {
  return { ok: false, problem: reason };
}
