import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './redis-server.js';

const root = join(import.meta.dirname, '../..');

/**
 * The app as operators run it: compiled by tsc and started with `node index.js` in a process of its own, so a
 * crash, its memory and its output are the real process's.
 */
export interface BuiltApp {
  process: ChildProcess;
  port: number;
  eventsUrl: string;
  /** Everything printed on stdout and stderr so far. */
  output(): string;
  /** Resident memory of the process now, from /proc (Linux). */
  rssBytes(): number;
  alive(): boolean;
  kill(): void;
}

/**
 * The app compiled as `npm run build` compiles it, into `dist-test/<hash of what is compiled>`: built once for
 * every test file and run that compiles the same sources (never into `dist/`, which belongs to `npm start`),
 * and written to a directory of its own first, so test files building at the same time never read each
 * other's half-written output.
 */
export function buildApp(): { dir: string } {
  const dir = join(root, 'dist-test', sourceHash());
  if (existsSync(join(dir, 'index.js'))) return { dir };
  const scratch = `${dir}.${randomBytes(4).toString('hex')}`;
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', scratch], {
    cwd: root,
  });
  try {
    renameSync(scratch, dir);
  } catch {
    // Another test file finished the same build first: theirs is as good.
    rmSync(scratch, { recursive: true, force: true });
  }
  forgetOlderBuilds(dir);
  return { dir };
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(folder, entry.name);
        return entry.isDirectory() ? files(path) : [path];
      });
  for (const file of [
    ...files(join(root, 'src')),
    join(root, 'tsconfig.json'),
    join(root, 'tsconfig.build.json'),
  ])
    hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Builds of other sources than today's, left by earlier runs, once they are an hour old. */
function forgetOlderBuilds(current: string): void {
  const folder = join(root, 'dist-test');
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path !== current && Date.now() - statSync(path).mtimeMs > 3_600_000)
      rmSync(path, { recursive: true, force: true });
  }
}

/** Runs the built app until it exits by itself (a start-up failure), with everything it printed. */
export function runBuiltAppToExit(
  dir: string,
  env: Record<string, string>,
  timeoutMs = 15_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(dir, 'index.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the app did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export async function startBuiltApp(dir: string, env: Record<string, string>): Promise<BuiltApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dir, 'index.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 15_000;
  while (!output.includes(`listening on port ${port}`)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`app did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    process: child,
    port,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    output: () => output,
    rssBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
      if (!kilobytes) throw new Error('no VmRSS in /proc status');
      return Number(kilobytes) * 1024;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}
