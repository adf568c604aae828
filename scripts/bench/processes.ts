import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** An app under test, running in a child process of its own so it has the event loop to itself. */
export interface ChildApp {
  name: string;
  port: number;
  pid: number;
  /** CPU time (user + system) the process has used so far, in ms; undefined where /proc is missing. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

export async function startChildApp(input: {
  name: string;
  entry: string;
  port: number;
  env: Record<string, string>;
  nodeFlags?: string[];
}): Promise<ChildApp> {
  const child = spawn(process.execPath, [...(input.nodeFlags ?? []), input.entry], {
    env: { PATH: process.env.PATH ?? '', ...input.env, PORT: String(input.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${input.name} did not start in 20 s: ${output.join('')}`)),
      20_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/listening on port/.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${input.name} exited with ${code} before listening: ${output.join('')}`));
    });
  });
  // Keep draining its output so a chatty app never blocks on a full pipe.
  child.stdout?.resume();
  const pid = child.pid ?? 0;
  return {
    name: input.name,
    port: input.port,
    pid,
    cpuMs: () => processCpuMs(pid),
    stop: () => stopChild(child),
  };
}

export function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields overall.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
