import type { FetchFunction, WebClientOptions } from '@slack/web-api';
import { aroundBodyReads, type FetchResponse } from '../ops/body-reads.js';
import { webApiMethodOf } from '../ops/web-api-url.js';

/**
 * Time budgets for Slack's Web API. WebClient's own defaults retry a failed call for about 30 minutes and, on
 * one 429, pause every call of the client until Retry-After passes, so a rate limit on thread posts in one
 * channel would let a modal's trigger die in another. Instead each call gets a deadline fitted to its use
 * (a modal must open within the trigger's 3 s; a post may take longer), and is retried, within that deadline
 * only, when Slack says it was not processed: a 429 waits for its own Retry-After, a refused connection
 * for a moment. A call that times out is not retried: it may have landed, and a repeated post is a duplicate.
 */

/** Whole-call deadlines (ms), retries included, by Web API method. */
const BUDGET_MS: Record<string, number> = {
  // A trigger id lives 3 s from the click, and the request reached us some time after it.
  'views.open': 2_500,
  'views.push': 2_500,
  'views.update': 3_000,
  'views.publish': 3_000,
  'users.info': 2_000,
  'chat.postMessage': 5_000,
  'chat.update': 5_000,
  'chat.postEphemeral': 5_000,
  'files.getUploadURLExternal': 5_000,
  'files.completeUploadExternal': 10_000,
};
/** Any other method, and uploads to the URL Slack hands out. */
const DEFAULT_BUDGET_MS = 10_000;
const MAX_ATTEMPTS = 3;
const CONNECTION_RETRY_PAUSE_MS = 200;

/** The deadline for a call to `url` (`…/api/<method>` or an upload URL). */
export function budgetFor(url: string): number {
  const method = webApiMethodOf(url);
  // Own keys only: `toString` is a method name too.
  return method !== undefined && Object.hasOwn(BUDGET_MS, method)
    ? (BUDGET_MS[method] as number)
    : DEFAULT_BUDGET_MS;
}

/**
 * WebClient options for every client the app makes: per-call deadlines and retries, no shared pause. Each
 * attempt goes through `send` (the metrics' observed fetch).
 */
export function budgetedCalls(
  send: FetchFunction,
): Pick<WebClientOptions, 'fetch' | 'retryConfig' | 'rejectRateLimitedCalls'> {
  return {
    fetch: (url, init) => budgetedFetch(send, String(url), init),
    // Retries happen in budgetedFetch, per call and within its deadline.
    retryConfig: { retries: 0 },
    // A 429 that outlasts the call's deadline fails that call alone instead of pausing the client's queue.
    rejectRateLimitedCalls: true,
  };
}

type FetchInit = Parameters<FetchFunction>[1];

async function budgetedFetch(send: FetchFunction, target: string, init?: FetchInit): Promise<FetchResponse> {
  const deadline = Date.now() + budgetFor(target);
  for (let attempt = 1; ; attempt++) {
    const { signal, done } = deadlineSignal(deadline - Date.now());
    let response: FetchResponse;
    try {
      response = await send(target, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal,
      });
    } catch (error) {
      done();
      // Refused before anything was sent: safe to try again while time is left.
      if (
        attempt < MAX_ATTEMPTS &&
        refusedConnection(error) &&
        deadline - Date.now() > CONNECTION_RETRY_PAUSE_MS
      ) {
        await pause(CONNECTION_RETRY_PAUSE_MS);
        continue;
      }
      throw error;
    }
    if (response.status !== 429 || attempt >= MAX_ATTEMPTS) return doneWhenRead(response, done);
    const waitMs = retryAfterMs(response);
    // Slack did not process it; wait its Retry-After if that still fits, else hand the 429 back.
    if (waitMs === undefined || Date.now() + waitMs >= deadline) return doneWhenRead(response, done);
    // Read to the end, so the connection is free for the retry.
    await response.arrayBuffer().catch(() => undefined);
    done();
    await pause(waitMs);
  }
}

/**
 * A signal that aborts the attempt once `ms` pass, and `done` to call when the attempt is over. Not
 * `AbortSignal.timeout`: its timer outlives every call by the rest of the budget (2.5–10 s), and each one then
 * builds a TimeoutError that nobody reads; at a few hundred calls a second that was garbage the collector paid for.
 */
function deadlineSignal(ms: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The Web API call ran out of time', 'TimeoutError')),
    Math.max(ms, 1),
  );
  timer.unref();
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}

/** The attempt is over once WebClient has read the answer (or failed to): the body is under the deadline too. */
function doneWhenRead(response: FetchResponse, done: () => void): FetchResponse {
  return aroundBodyReads(response, {
    text: (read) => read().finally(done),
    arrayBuffer: (read) => read().finally(done),
  });
}

function retryAfterMs(response: FetchResponse): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function refusedConnection(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED';
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
