import { dueItemOf, dueMember, tenantDueMembers } from './keys.js';
import type { DecisionStore, DueFailures, DueItem } from './port.js';
import { DAY_MS } from './port.js';
import type { RedisAccess } from './redis-access.js';

/** Failure counts outlive the day after which a failing item is given up. */
const FAILURES_TTL_MS = 2 * DAY_MS;

/** The due-list of reminders and deadlines that every instance polls, and each item's failed attempts. */
export class RedisDueList
  implements
    Pick<
      DecisionStore,
      'schedule' | 'unschedule' | 'noteDueFailure' | 'dueCounts' | 'claimDue' | 'unscheduleTenant'
    >
{
  constructor(private readonly redis: RedisAccess) {}

  async schedule(item: DueItem, at: Date): Promise<void> {
    await this.redis.run(() => this.redis.client.zadd(this.redis.keys.due(), at.getTime(), dueMember(item)));
  }

  async unschedule(item: DueItem): Promise<void> {
    await this.unscheduleMembers([dueMember(item)]);
  }

  async noteDueFailure(item: DueItem, at: Date): Promise<DueFailures> {
    const key = this.redis.keys.dueFailures();
    const member = dueMember(item);
    const [, count, first] = await this.redis.exec(
      this.redis.client
        .multi()
        .hsetnx(key, `${member}:first`, at.getTime())
        .hincrby(key, `${member}:count`, 1)
        .hget(key, `${member}:first`)
        // Entries go when their item does; the whole hash goes once nothing has failed for a while.
        .pexpire(key, FAILURES_TTL_MS),
    );
    return { count: Number(count), firstAt: new Date(Number(first)) };
  }

  async dueCounts(now: Date): Promise<{ waiting: number; overdue: number }> {
    const key = this.redis.keys.due();
    const [waiting, overdue] = await Promise.all([
      this.redis.run(() => this.redis.client.zcard(key)),
      this.redis.run(() => this.redis.client.zcount(key, '-inf', now.getTime())),
    ]);
    return { waiting, overdue };
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<DueItem[]> {
    const members = await this.redis.run(() =>
      this.redis.client.svClaimDue(this.redis.keys.due(), now.getTime(), leaseMs, limit),
    );
    return members.flatMap((member) => {
      const item = dueItemOf(member);
      return item ? [item] : [];
    });
  }

  async unscheduleTenant(teamId: string): Promise<number> {
    let removed = 0;
    const members = this.redis.scanMembers(this.redis.keys.due(), tenantDueMembers(teamId));
    for await (const batch of members) {
      const ofTenant = batch.filter((member) => dueItemOf(member)?.teamId === teamId);
      if (ofTenant.length > 0) removed += await this.unscheduleMembers(ofTenant);
    }
    return removed;
  }

  /** The due-list and the failure counts are two keys (two Cluster slots): two commands. */
  private async unscheduleMembers(members: string[]): Promise<number> {
    const failureFields = members.flatMap((member) => [`${member}:count`, `${member}:first`]);
    const [removed] = await this.redis.run(() =>
      Promise.all([
        this.redis.client.zrem(this.redis.keys.due(), ...members),
        this.redis.client.hdel(this.redis.keys.dueFailures(), ...failureFields),
      ]),
    );
    return removed;
  }
}
