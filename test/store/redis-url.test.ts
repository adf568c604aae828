import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../src/store/redis-url.js';

describe('parseRedisUrl', () => {
  it('hands standalone URLs to ioredis unchanged', () => {
    expect(parseRedisUrl('rediss://user:pw@cache.example.com:6380/2')).toEqual({
      ok: true,
      target: { kind: 'standalone', url: 'rediss://user:pw@cache.example.com:6380/2' },
    });
  });

  it('reads a Cluster URL as seed nodes, credentials and TLS', () => {
    expect(parseRedisUrl('rediss+cluster://app:p%40ss@10.0.0.1:7000,node-2.example.com,[::1]:7002')).toEqual({
      ok: true,
      target: {
        kind: 'cluster',
        tls: true,
        username: 'app',
        password: 'p@ss',
        nodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: 'node-2.example.com', port: 6379 },
          { host: '::1', port: 7002 },
        ],
      },
    });
  });

  it('reads a Sentinel URL as sentinels, master name, database and both sets of credentials', () => {
    expect(
      parseRedisUrl('redis+sentinel://:data-pw@s1:26380,s2/my-master/3?sentinelPassword=sentinel-pw'),
    ).toEqual({
      ok: true,
      target: {
        kind: 'sentinel',
        tls: false,
        sentinels: [
          { host: 's1', port: 26380 },
          { host: 's2', port: 26379 },
        ],
        masterName: 'my-master',
        db: 3,
        password: 'data-pw',
        sentinelPassword: 'sentinel-pw',
      },
    });
  });

  it('defaults the Sentinel database to 0', () => {
    const parsed = parseRedisUrl('redis+sentinel://127.0.0.1:26379/mymaster');
    expect(parsed.ok && parsed.target).toMatchObject({ kind: 'sentinel', masterName: 'mymaster', db: 0 });
  });

  it.each([
    ['http://localhost:6379', 'unknown scheme'],
    ['redis+cluster://a:7000,,b:7001', 'host:port,host:port'],
    ['redis+cluster://a:70000', '"a:70000" is not a host:port'],
    ['redis+cluster://a b:7000', '"a b:7000" is not a host:port'],
    ['redis+cluster://a:7000/1', 'Cluster URL has no path'],
    ['redis+cluster://a:7000?tls=1', 'Cluster URL takes no query'],
    ['redis+sentinel://s1:26379', 'ends in /<master name>'],
    ['redis+sentinel://s1:26379/m/x', 'ends in /<master name>'],
    ['redis+sentinel://s1:26379/m?db=2', 'unknown query parameter "db"'],
    ['redis+cluster://u:%zz@a:7000', 'not URL-encoded'],
    ['redis:// ', 'needs a host'],
  ])('refuses %s with a reason', (url, reason) => {
    const parsed = parseRedisUrl(url);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(reason);
  });
});
