import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, type RedisServerHandle, startRedisServer } from './redis-server.js';

/**
 * A real Sentinel watching a real master, both on loopback: `redis-server --sentinel` needs no package beyond
 * redis-server. The Sentinel rewrites its config file, so it gets a directory of its own.
 */
export interface RedisSentinelHandle {
  /** `redis+sentinel://127.0.0.1:<sentinel port>/<master name>`, the form REDIS_URL takes. */
  url: string;
  masterName: string;
  master: RedisServerHandle;
  destroy(): Promise<void>;
}

export async function startRedisSentinel(masterName = 'svmaster'): Promise<RedisSentinelHandle> {
  const master = await startRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'sv-sentinel-'));
  const port = await freePort();
  const configFile = join(dir, 'sentinel.conf');
  writeFileSync(
    configFile,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      'protected-mode no',
      `dir ${dir}`,
      `sentinel monitor ${masterName} 127.0.0.1 ${master.port} 1`,
      '',
    ].join('\n'),
  );
  const child = spawn('redis-server', [configFile, '--sentinel'], { stdio: 'ignore' });
  const destroy = async () => {
    await stopChild(child);
    await master.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForMaster(port, masterName);
  } catch (error) {
    await destroy();
    throw error;
  }
  return { url: `redis+sentinel://127.0.0.1:${port}/${masterName}`, masterName, master, destroy };
}

async function waitForMaster(port: number, masterName: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const sentinel = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
    sentinel.on('error', () => undefined);
    try {
      await sentinel.connect();
      const address = await sentinel.call('SENTINEL', 'get-master-addr-by-name', masterName);
      sentinel.disconnect();
      if (Array.isArray(address) && address.length === 2) return;
    } catch {
      sentinel.disconnect();
    }
    if (Date.now() > deadline)
      throw new Error(`the Sentinel on port ${port} did not know ${masterName} in 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
