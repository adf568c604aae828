import { dueItemOf, dueMember } from './keys.js';
import type { DecisionStore, DueFailures, DueItem } from './port.js';

/** The due-list of reminders and deadlines in one process, and each item's failed attempts. */
export class MemoryDueList
  implements
    Pick<
      DecisionStore,
      'schedule' | 'unschedule' | 'noteDueFailure' | 'dueCounts' | 'claimDue' | 'unscheduleTenant'
    >
{
  /** Due-list members and when each is due (ms). */
  private readonly due = new Map<string, number>();
  /** Failed attempts per due-list member. */
  private readonly failures = new Map<string, DueFailures>();

  async schedule(item: DueItem, at: Date): Promise<void> {
    this.due.set(dueMember(item), at.getTime());
  }

  async unschedule(item: DueItem): Promise<void> {
    this.due.delete(dueMember(item));
    this.failures.delete(dueMember(item));
  }

  async noteDueFailure(item: DueItem, at: Date): Promise<DueFailures> {
    const previous = this.failures.get(dueMember(item));
    const failures = { count: (previous?.count ?? 0) + 1, firstAt: previous?.firstAt ?? new Date(at) };
    this.failures.set(dueMember(item), failures);
    return { count: failures.count, firstAt: new Date(failures.firstAt) };
  }

  async dueCounts(now: Date): Promise<{ waiting: number; overdue: number }> {
    const times = [...this.due.values()];
    return { waiting: times.length, overdue: times.filter((at) => at <= now.getTime()).length };
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<DueItem[]> {
    const due = [...this.due]
      .filter(([, at]) => at <= now.getTime())
      .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
      .slice(0, limit);
    for (const [member] of due) this.due.set(member, now.getTime() + leaseMs);
    return due.flatMap(([member]) => {
      const item = dueItemOf(member);
      return item ? [item] : [];
    });
  }

  async unscheduleTenant(teamId: string): Promise<number> {
    let removed = 0;
    for (const member of [...this.due.keys()]) {
      if (dueItemOf(member)?.teamId !== teamId) continue;
      this.due.delete(member);
      this.failures.delete(member);
      removed += 1;
    }
    return removed;
  }

  clear(): void {
    this.due.clear();
    this.failures.clear();
  }
}
