import type { DecisionRef } from '../domain/decision.js';
import { dirtyMember, dirtyRefOf, tenantDirtyMembers } from './keys.js';
import type { DecisionStore, DirtyClaim, PendingNote, PublishClaim } from './port.js';
import { noteFromRecord, parseJson } from './records.js';
import type { RedisAccess } from './redis-access.js';

/**
 * Publishing the decision message: the lease that makes one publisher per decision, the thread notes waiting
 * to be posted, and the dirty list that sweepers work through.
 */
export class RedisOutbox
  implements
    Pick<
      DecisionStore,
      | 'claimPublish'
      | 'finishPublish'
      | 'abandonPublish'
      | 'pendingNotes'
      | 'notePosted'
      | 'markDirty'
      | 'claimDirty'
      | 'settleDirty'
    >
{
  constructor(private readonly redis: RedisAccess) {}

  async claimPublish(ref: DecisionRef, holder: string, leaseMs: number): Promise<PublishClaim> {
    const { keys } = this.redis;
    const [status, version] = await this.redis.run(() =>
      this.redis.client.svClaimPublish(
        keys.decision(ref),
        keys.publishLease(ref),
        keys.notes(ref),
        holder,
        leaseMs,
      ),
    );
    return status === 'leader' ? { status, version } : { status };
  }

  async finishPublish(
    ref: DecisionRef,
    holder: string,
    version: number,
    leaseMs: number,
  ): Promise<number | null> {
    const { keys } = this.redis;
    const next = await this.redis.run(() =>
      this.redis.client.svFinishPublish(keys.decision(ref), keys.publishLease(ref), holder, version, leaseMs),
    );
    return next > 0 ? next : null;
  }

  async abandonPublish(ref: DecisionRef, holder: string): Promise<void> {
    await this.redis.run(() => this.redis.client.svAbandonPublish(this.redis.keys.publishLease(ref), holder));
  }

  async pendingNotes(ref: DecisionRef): Promise<PendingNote[]> {
    const fields = await this.redis.run(() => this.redis.client.hgetall(this.redis.keys.notes(ref)));
    return Object.entries(fields)
      .flatMap(([userId, json]) => {
        const note = noteFromRecord(userId, parseJson(json));
        return note ? [note] : [];
      })
      .sort((a, b) => a.at.localeCompare(b.at) || a.userId.localeCompare(b.userId));
  }

  async notePosted(ref: DecisionRef, userId: string): Promise<void> {
    await this.redis.run(() => this.redis.client.hdel(this.redis.keys.notes(ref), userId));
  }

  async markDirty(ref: DecisionRef, dueAt: Date): Promise<void> {
    await this.redis.run(() =>
      this.redis.client.zadd(this.redis.keys.dirty(), dueAt.getTime(), dirtyMember(ref)),
    );
  }

  async claimDirty(now: Date, leaseMs: number, limit: number): Promise<DirtyClaim[]> {
    const flat = await this.redis.run(() =>
      this.redis.client.svClaimDirty(this.redis.keys.dirty(), now.getTime(), leaseMs, limit),
    );
    const claims: DirtyClaim[] = [];
    for (let index = 0; index + 1 < flat.length; index += 2) {
      const ref = dirtyRefOf(String(flat[index]));
      if (ref) claims.push({ ref, claim: Number(flat[index + 1]) });
    }
    return claims;
  }

  async settleDirty(claim: DirtyClaim): Promise<void> {
    await this.redis.run(() =>
      this.redis.client.svSettleDirty(this.redis.keys.dirty(), dirtyMember(claim.ref), claim.claim),
    );
  }

  /** Takes every decision of one tenant off the dirty list; returns how many there were. */
  async unmarkDirtyTenant(teamId: string): Promise<number> {
    const key = this.redis.keys.dirty();
    let removed = 0;
    for await (const members of this.redis.scanMembers(key, tenantDirtyMembers(teamId))) {
      const ofTenant = members.filter((member) => dirtyRefOf(member)?.teamId === teamId);
      if (ofTenant.length > 0)
        removed += await this.redis.run(() => this.redis.client.zrem(key, ...ofTenant));
    }
    return removed;
  }
}
