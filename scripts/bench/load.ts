import autocannon from 'autocannon';
import type { ChildApp } from './processes.js';
import type { RequestSource } from './requests.js';

/** One slice of load on one app: what autocannon saw, and the CPU the app spent on it. */
export interface LoadSlice {
  latencies: number[];
  seconds: number;
  failures: number;
  appCpuMs: number | undefined;
}

export interface LoadResult {
  /** Requests acknowledged with a 2xx. */
  acknowledged: number;
  seconds: number;
  perSecond: number;
  /** Acknowledgement latency, from autocannon's own per-response timings (sub-millisecond precision). */
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failures: number;
  /** CPU the app's process used per acknowledged request, including the work it finished after the run. */
  appCpuMsPerRequest: number | undefined;
}

/**
 * Drives `app` with `connections` concurrent keep-alive connections for `seconds`, each request taken from
 * `source`, then waits for the app's follow-up work (Web API calls after the ack) to finish.
 */
export async function drive(input: {
  app: ChildApp;
  source: RequestSource;
  seconds: number;
  connections: number;
  settled: () => Promise<void>;
}): Promise<LoadSlice> {
  const latencies: number[] = [];
  const cpuBefore = input.app.cpuMs();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const tracker = autocannon(
      {
        url: `http://127.0.0.1:${input.app.port}`,
        connections: input.connections,
        duration: input.seconds,
        requests: [
          {
            method: 'POST',
            path: '/slack/events',
            setupRequest: (request) => {
              const next = input.source();
              return { ...request, body: next.body, headers: { ...request.headers, ...next.headers } };
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    tracker.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  await input.settled();
  const cpuAfter = input.app.cpuMs();
  return {
    latencies,
    seconds: result.duration,
    failures: result.non2xx + result.errors + result.timeouts,
    appCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
  };
}

/** Several slices on one app, taken in turns with the other app's, as one result. */
export function combine(slices: readonly LoadSlice[]): LoadResult {
  const latencies = slices.flatMap((slice) => slice.latencies);
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  const cpu = slices.every((slice) => slice.appCpuMs !== undefined)
    ? slices.reduce((sum, slice) => sum + (slice.appCpuMs ?? 0), 0)
    : undefined;
  return {
    acknowledged: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures: slices.reduce((sum, slice) => sum + slice.failures, 0),
    appCpuMsPerRequest: cpu === undefined || latencies.length === 0 ? undefined : cpu / latencies.length,
  };
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}
