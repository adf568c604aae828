import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/**
 * A real redis-server of the test's own, on a free loopback port, so tests never touch a Redis someone else
 * runs. Stop and start it again to test what survives a restart (AOF on when asked).
 */
export interface RedisServerHandle {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
  /** `kill -9`: no shutdown, no final write; only what the append-only file already holds survives. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stop and remove the data directory. */
  destroy(): Promise<void>;
}

export function ensureRedisServerInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'redis-server was not found on PATH. Install it (Debian/Ubuntu: apt-get install redis-server) ' +
        'or set REDIS_URL to a Redis the tests may use.',
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedisServer(
  options: {
    appendOnly?: boolean;
    /** More redis-server flags, e.g. an eviction policy. */
    extraArgs?: string[];
    /** Allows DEBUG SLEEP, to stall the server as a slow disk or a long command would. */
    debugCommand?: boolean;
  } = {},
): Promise<RedisServerHandle> {
  ensureRedisServerInstalled();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sv-redis-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--protected-mode',
      'no',
    ];
    args.push('--appendonly', options.appendOnly ? 'yes' : 'no');
    if (options.appendOnly) args.push('--appendfsync', 'always');
    args.push(...(options.extraArgs ?? []));
    if (options.debugCommand) args.push('--enable-debug-command', 'yes');
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitUntilReady(port);
  };

  const stopWith = async (signal: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
    });
  };
  const stop = () => stopWith('SIGTERM');

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    start,
    stop,
    kill: () => stopWith('SIGKILL'),
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch {
      probe.disconnect();
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
