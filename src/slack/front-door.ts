import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppMetrics } from '../ops/metrics.js';
import { requestLogger, surfaceOf } from './observe.js';

/**
 * Every request passes the app's guards in one global middleware, in a fixed order: Bolt runs each global
 * middleware with a fresh copy of the request's arguments and a closure for `next`, so five of them were five
 * copies per request. A guard says whether it answered the request itself (then nothing after it runs); the
 * listeners run only when none did. The outcome is counted per surface, an error included.
 */

/** The arguments every guard gets: the request's, and the logger for what is done about it (see requestLogger). */
export type GuardArgs = Parameters<Middleware<AnyMiddlewareArgs>>[0];

/** True when the guard answered (or dropped) the request, so no later guard nor any listener sees it. */
export type Guard = (args: GuardArgs) => Promise<boolean> | boolean;

export function frontDoor(metrics: AppMetrics, guards: readonly Guard[]): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const surface = surfaceOf(args.body);
    const guarded = { ...args, logger: requestLogger(args.logger, args.body) };
    try {
      let answered = false;
      for (const guard of guards) {
        // Most requests pass every guard without a wait: a guard answers false at once unless it has work.
        const verdict = guard(guarded);
        answered = verdict === true || (verdict !== false && (await verdict));
        if (answered) break;
      }
      if (!answered) await args.next();
      metrics.requestHandled(surface, 'ok');
    } catch (error) {
      metrics.requestHandled(surface, 'error');
      throw error;
    }
  };
}
