import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './redis-server.js';

const root = join(import.meta.dirname, '../..');

/**
 * The app as operators run it: compiled by tsc and started with `node index.js` in a process of its own, so a
 * crash, its memory and its output are the real process's. Each build goes to a directory of its own, so
 * test files building at the same time never read each other's half-written output.
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

export function buildApp(): { dir: string; remove(): void } {
  const dir = join(root, 'dist-test', randomBytes(4).toString('hex'));
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', dir], {
    cwd: root,
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
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
