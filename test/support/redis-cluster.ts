import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { ensureRedisServerInstalled, freePort } from './redis-server.js';

/**
 * A real Redis Cluster of its own on loopback: three masters, no replicas, slots spread by
 * `redis-cli --cluster create`. Needs redis-server and redis-cli (Debian: redis-server brings redis-tools).
 */
export interface RedisClusterHandle {
  /** `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3`, the form REDIS_URL takes. */
  url: string;
  ports: number[];
  /** One plain connection per master, for looking at where keys landed. */
  masters(): Redis[];
  destroy(): Promise<void>;
}

const MASTERS = 3;
const run = promisify(execFile);

/** Why a cluster cannot be started here, or undefined when it can. */
export function clusterUnavailableReason(): string | undefined {
  const probe = spawnSync('redis-cli', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0
    ? 'redis-cli is not on PATH (Debian: apt-get install redis-tools), so no cluster can be created'
    : undefined;
}

export async function startRedisCluster(): Promise<RedisClusterHandle> {
  ensureRedisServerInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'sv-cluster-'));
  const children: ChildProcess[] = [];
  const connections: Redis[] = [];
  const ports: number[] = [];
  const destroy = async () => {
    for (const connection of connections) connection.disconnect();
    await Promise.all(children.map(stopChild));
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (let index = 0; index < MASTERS; index++) {
      const port = await freePort();
      const busPort = await freePort();
      ports.push(port);
      const nodeDir = mkdtempSync(join(dir, `node-${index}-`));
      children.push(
        spawn(
          'redis-server',
          [
            ...['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no'],
            ...['--cluster-enabled', 'yes', '--cluster-port', String(busPort)],
            ...['--cluster-config-file', join(nodeDir, 'nodes.conf'), '--dir', nodeDir],
            ...['--save', '', '--appendonly', 'no'],
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    for (const port of ports) connections.push(await connectWhenReady(port));
    await run(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { timeout: 20_000 },
    );
    await waitForClusterOk(connections);
  } catch (error) {
    await destroy();
    throw error;
  }

  return {
    url: `redis+cluster://${ports.map((port) => `127.0.0.1:${port}`).join(',')}`,
    ports,
    masters: () => connections,
    destroy,
  };
}

async function connectWhenReady(port: number): Promise<Redis> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const connection = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
    connection.on('error', () => undefined);
    try {
      await connection.connect();
      await connection.ping();
      return connection;
    } catch {
      connection.disconnect();
      if (Date.now() > deadline) throw new Error(`cluster node on port ${port} did not start within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Every node must agree the cluster is up (all slots served) before clients may use it. */
async function waitForClusterOk(connections: Redis[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const infos = await Promise.all(connections.map((connection) => connection.cluster('INFO')));
    if (infos.every((info) => String(info).includes('cluster_state:ok'))) return;
    if (Date.now() > deadline) throw new Error('the cluster did not reach cluster_state:ok within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
