/**
 * Counts listener work in progress, including what a listener does after it acknowledged (posting the
 * verdict, noting the thread), so shutdown can wait for it instead of cutting a decision in half. Every
 * request is counted from its arrival until its listener is done (see observeRequests).
 */
export class InFlightWork {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Runs `work`, counted while it runs. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
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
