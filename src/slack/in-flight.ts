import type { App } from '@slack/bolt';

/**
 * Counts listener work in progress, including what a listener does after it acknowledged (posting the
 * verdict, noting the thread), so shutdown can wait for it instead of cutting a decision in half.
 */
export class InFlightWork {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Registers a global middleware that counts every request from its arrival until its listener is done. */
  static track(app: App): InFlightWork {
    const work = new InFlightWork();
    app.use(async ({ next }) => {
      work.running += 1;
      try {
        await next();
      } finally {
        work.running -= 1;
        if (work.running === 0) for (const wake of work.waiters.splice(0)) wake();
      }
    });
    return work;
  }

  get count(): number {
    return this.running;
  }

  /** Resolves true once nothing is running, or false if `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
