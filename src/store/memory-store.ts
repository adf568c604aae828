import type { AnswerSet, Closure, Decision, DecisionRef, Progress } from '../domain/decision.js';
import type { Answers } from '../domain/types.js';
import { dirtyMember, dirtyRefOf } from './keys.js';
import { MemoryDueList } from './memory-due-list.js';
import type {
  DecisionCreation,
  DecisionListing,
  DecisionStore,
  DirtyClaim,
  PendingNote,
  PublishClaim,
  SavedStep,
  StoreHealth,
  TenantErasure,
} from './port.js';
import { DAY_MS, RECENT_DELIVERIES } from './port.js';

export interface MemoryStoreOptions {
  retentionDays: number;
  now?: () => number;
}

type Args<Method extends keyof DecisionStore> = Parameters<DecisionStore[Method]>;

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * One process, nothing survives a restart: for trying the app out. Values are deep-copied in and out so the
 * caller can never change stored data by mutating what it holds, just as with Redis.
 */
export class MemoryStore implements DecisionStore {
  private readonly decisions = new Map<string, Entry<Decision>>();
  private readonly answers = new Map<string, Entry<Map<string, AnswerSet>>>();
  /** Request markers (claimRequest), each for a day. */
  private readonly deliveries = new Map<string, Entry<true>>();
  /** Each person's last few deliveries per decision, newest first, as Redis keeps them with the answers. */
  private readonly recentDeliveries = new Map<string, string[]>();
  private readonly publishing = new Map<
    string,
    { requested: number; done: number; holder?: string; leaseUntil: number }
  >();
  /** Thread notes waiting to be posted, per decision, by user id. */
  private readonly notes = new Map<string, Map<string, PendingNote>>();
  private readonly dueList = new MemoryDueList();
  /** Decisions a sweeper should look at, and when (ms). */
  private readonly dirty = new Map<string, number>();
  private readonly homes = new Map<string, Entry<Map<string, number>>>();
  private readonly latest = new Map<string, Entry<string>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions) {
    this.ttlMs = options.retentionDays * DAY_MS;
    this.now = options.now ?? Date.now;
  }

  async createDecision(decision: Decision, listing: DecisionListing): Promise<void> {
    this.decisions.set(refKey(decision), this.entry(structuredClone(decision)));
    await this.setLatestInChannel(decision, decision.channelId);
    await this.rememberForHome(decision, decision.createdBy, listing.at);
    for (const { item, at } of listing.due) await this.dueList.schedule(item, at);
  }

  createDecisionOnce(decision: Decision, listing: DecisionListing, requestId: string): DecisionCreation {
    const first = this.claimRequest(decision.teamId, requestId);
    return {
      first,
      created: first.then((claimed) => (claimed ? this.createDecision(decision, listing) : undefined)),
    };
  }

  async getDecision(ref: DecisionRef): Promise<Decision | null> {
    const entry = this.live(this.decisions, refKey(ref));
    return entry ? structuredClone(entry.value) : null;
  }

  async setDecisionMessage(ref: DecisionRef, message: { channel: string; ts: string }): Promise<void> {
    const entry = this.live(this.decisions, refKey(ref));
    if (!entry) return;
    this.decisions.set(refKey(ref), this.entry({ ...entry.value, message: { ...message } }));
  }

  async saveStep(
    ref: DecisionRef,
    userId: string,
    step: { id: string; answers: Answers },
    progress: Progress,
    deliveryId: string,
  ): Promise<SavedStep> {
    const key = refKey(ref);
    const decision = this.live(this.decisions, key);
    if (!decision) return { status: 'missing' };
    if (decision.value.closed) return { status: 'closed', decision: structuredClone(decision.value) };
    const sets = this.live(this.answers, key)?.value ?? new Map<string, AnswerSet>();
    const previous = sets.get(userId);
    const personKey = `${key}:${userId}`;
    const recent = (previous && this.recentDeliveries.get(personKey)) || [];
    if (recent.includes(deliveryId)) {
      return {
        status: 'duplicate',
        decision: structuredClone(decision.value),
        answerSet: structuredClone(previous as AnswerSet),
        finishedBefore: false,
      };
    }
    this.recentDeliveries.set(personKey, [deliveryId, ...recent].slice(0, RECENT_DELIVERIES));

    const finishedAt = progress.finishedAt ?? previous?.progress.finishedAt;
    const answerSet: AnswerSet = {
      userId,
      steps: { ...previous?.steps, [step.id]: structuredClone(step.answers) },
      progress: {
        currentStep: progress.currentStep,
        updatedAt: progress.updatedAt,
        ...(finishedAt ? { finishedAt } : {}),
      },
    };
    sets.set(userId, answerSet);
    this.answers.set(key, this.entry(sets));
    this.decisions.set(key, this.entry(decision.value));
    const finishedBefore = progress.finishedAt !== undefined && previous?.progress.finishedAt !== undefined;
    if (progress.finishedAt !== undefined) {
      this.publishState(key).requested += 1;
      const notes = this.notes.get(key) ?? new Map<string, PendingNote>();
      if (!notes.has(userId)) notes.set(userId, { userId, again: finishedBefore, at: progress.finishedAt });
      this.notes.set(key, notes);
    }
    await this.rememberForHome(ref, userId, new Date(progress.updatedAt));
    return {
      status: 'saved',
      decision: structuredClone(decision.value),
      answerSet: structuredClone(answerSet),
      finishedBefore,
    };
  }

  async getAnswerSet(ref: DecisionRef, userId: string): Promise<AnswerSet | null> {
    const set = this.live(this.answers, refKey(ref))?.value.get(userId);
    return set ? structuredClone(set) : null;
  }

  async listAnswerSets(ref: DecisionRef): Promise<AnswerSet[]> {
    const sets = this.live(this.answers, refKey(ref))?.value;
    if (!sets) return [];
    const userIds = [...sets.keys()].sort();
    return userIds.map((userId) => structuredClone(sets.get(userId) as AnswerSet));
  }

  async setDecisionClosed(ref: DecisionRef, closure: Closure | null): Promise<Decision | null> {
    const entry = this.live(this.decisions, refKey(ref));
    if (!entry || (closure !== null) === (entry.value.closed !== undefined)) return null;
    const { closed: _previous, ...open } = entry.value;
    const decision: Decision = closure ? { ...open, closed: { ...closure } } : open;
    this.decisions.set(refKey(ref), this.entry(decision));
    this.publishState(refKey(ref)).requested += 1;
    return structuredClone(decision);
  }

  // One process: the lease only orders this process's publishers, which is all there is.
  async claimPublish(ref: DecisionRef, holder: string, leaseMs: number): Promise<PublishClaim> {
    const key = refKey(ref);
    if (!this.live(this.decisions, key)) return { status: 'clean' };
    const state = this.publishState(key);
    if (state.requested <= state.done && (this.notes.get(key)?.size ?? 0) === 0) return { status: 'clean' };
    return this.takeLease(state, holder, leaseMs)
      ? { status: 'leader', version: state.requested }
      : { status: 'busy' };
  }

  async finishPublish(
    ref: DecisionRef,
    holder: string,
    version: number,
    leaseMs: number,
  ): Promise<number | null> {
    const state = this.publishing.get(refKey(ref));
    if (!state) return null;
    state.done = Math.max(state.done, version);
    if (state.requested > state.done) return this.takeLease(state, holder, leaseMs) ? state.requested : null;
    if (state.holder === holder) delete state.holder;
    return null;
  }

  async abandonPublish(ref: DecisionRef, holder: string): Promise<void> {
    const state = this.publishing.get(refKey(ref));
    if (state?.holder === holder) delete state.holder;
  }

  async pendingNotes(ref: DecisionRef): Promise<PendingNote[]> {
    return [...(this.notes.get(refKey(ref))?.values() ?? [])]
      .map((note) => ({ ...note }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.userId.localeCompare(b.userId));
  }

  async notePosted(ref: DecisionRef, userId: string): Promise<void> {
    const notes = this.notes.get(refKey(ref));
    notes?.delete(userId);
    if (notes?.size === 0) this.notes.delete(refKey(ref));
  }

  async markDirty(ref: DecisionRef, dueAt: Date): Promise<void> {
    this.dirty.set(dirtyMember(ref), dueAt.getTime());
  }

  async claimDirty(now: Date, leaseMs: number, limit: number): Promise<DirtyClaim[]> {
    const due = [...this.dirty]
      .filter(([, at]) => at <= now.getTime())
      .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
      .slice(0, limit);
    const claim = now.getTime() + leaseMs;
    return due.flatMap(([member]) => {
      this.dirty.set(member, claim);
      const ref = dirtyRefOf(member);
      return ref ? [{ ref, claim }] : [];
    });
  }

  async settleDirty(claim: DirtyClaim): Promise<void> {
    const member = dirtyMember(claim.ref);
    if (this.dirty.get(member) === claim.claim) this.dirty.delete(member);
  }

  private publishState(key: string): {
    requested: number;
    done: number;
    holder?: string;
    leaseUntil: number;
  } {
    const state = this.publishing.get(key) ?? { requested: 0, done: 0, leaseUntil: 0 };
    this.publishing.set(key, state);
    return state;
  }

  /** Takes (or extends) the lease for `holder` unless someone else holds it and it has not run out. */
  private takeLease(
    state: { holder?: string; leaseUntil: number },
    holder: string,
    leaseMs: number,
  ): boolean {
    const free = state.holder === undefined || state.leaseUntil <= this.now();
    if (!free && state.holder !== holder) return false;
    state.holder = holder;
    state.leaseUntil = this.now() + leaseMs;
    return true;
  }

  async answeredDecisions(teamId: string, userId: string): Promise<string[]> {
    const found: string[] = [];
    for (const [key] of this.answers) {
      const [keyTeam, decisionId] = key.split(':');
      const sets = this.live(this.answers, key)?.value;
      if (keyTeam === teamId && decisionId && sets?.has(userId)) found.push(decisionId);
    }
    return found.sort();
  }

  async forgetAnswers(ref: DecisionRef, userId: string): Promise<boolean> {
    const forgotten = this.live(this.answers, refKey(ref))?.value.delete(userId) ?? false;
    if (!forgotten) return false;
    this.recentDeliveries.delete(`${refKey(ref)}:${userId}`);
    await this.notePosted(ref, userId);
    if (this.live(this.decisions, refKey(ref))) this.publishState(refKey(ref)).requested += 1;
    return true;
  }

  schedule(...args: Args<'schedule'>) {
    return this.dueList.schedule(...args);
  }
  unschedule(...args: Args<'unschedule'>) {
    return this.dueList.unschedule(...args);
  }
  noteDueFailure(...args: Args<'noteDueFailure'>) {
    return this.dueList.noteDueFailure(...args);
  }
  dueCounts(...args: Args<'dueCounts'>) {
    return this.dueList.dueCounts(...args);
  }
  claimDue(...args: Args<'claimDue'>) {
    return this.dueList.claimDue(...args);
  }
  unscheduleTenant(...args: Args<'unscheduleTenant'>) {
    return this.dueList.unscheduleTenant(...args);
  }

  async eraseTenant(teamId: string): Promise<TenantErasure> {
    const dueItems = await this.dueList.unscheduleTenant(teamId);
    const ofTenant = (key: string) => key.startsWith(`${teamId}:`);
    const dirtyDecisions = removeKeys(this.dirty, ofTenant);
    let answerSets = 0;
    for (const [key, sets] of this.answers) if (ofTenant(key)) answerSets += sets.value.size;
    const decisions = removeKeys(this.decisions, ofTenant);
    removeKeys(this.answers, ofTenant);
    removeKeys(this.recentDeliveries, ofTenant);
    const others =
      removeKeys(this.deliveries, ofTenant) +
      removeKeys(this.publishing, ofTenant) +
      removeKeys(this.notes, ofTenant);
    const indexes = removeKeys(this.homes, ofTenant) + removeKeys(this.latest, ofTenant);
    return {
      decisions,
      answerSets,
      indexes,
      dueItems,
      dirtyDecisions,
      keys: decisions + answerSets + others + indexes,
    };
  }

  async rememberForHome(ref: DecisionRef, userId: string, at: Date): Promise<void> {
    const key = `${ref.teamId}:${userId}`;
    const decisions = this.live(this.homes, key)?.value ?? new Map<string, number>();
    decisions.set(ref.decisionId, at.getTime());
    this.homes.set(key, this.entry(decisions));
  }

  async homeDecisions(teamId: string, userId: string, limit: number): Promise<string[]> {
    const decisions = this.live(this.homes, `${teamId}:${userId}`)?.value;
    if (!decisions) return [];
    return [...decisions]
      .sort(([a, x], [b, y]) => y - x || b.localeCompare(a))
      .slice(0, limit)
      .map(([decisionId]) => decisionId);
  }

  async setLatestInChannel(ref: DecisionRef, channelId: string): Promise<void> {
    this.latest.set(`${ref.teamId}:${channelId}`, this.entry(ref.decisionId));
  }

  async latestInChannel(teamId: string, channelId: string): Promise<string | null> {
    return this.live(this.latest, `${teamId}:${channelId}`)?.value ?? null;
  }

  async claimRequest(teamId: string, requestId: string): Promise<boolean> {
    // Under the tenant's prefix, so erasing the tenant erases its markers too.
    const key = `${teamId}:request:${requestId}`;
    if (this.live(this.deliveries, key)) return false;
    this.forgetExpiredDeliveries();
    this.deliveries.set(key, { value: true, expiresAt: this.now() + DAY_MS });
    return true;
  }

  async health(): Promise<StoreHealth> {
    return { kind: 'memory', status: 'ok', durable: false, detail: 'in-memory: nothing survives a restart' };
  }

  async close(): Promise<void> {
    this.decisions.clear();
    this.answers.clear();
    this.deliveries.clear();
    this.recentDeliveries.clear();
    this.publishing.clear();
    this.notes.clear();
    this.dueList.clear();
    this.dirty.clear();
    this.homes.clear();
    this.latest.clear();
  }

  /** Markers are only looked up again on a repeat, so expired ones are swept here or a long session grows forever. */
  private forgetExpiredDeliveries(): void {
    const now = this.now();
    for (const [key, marker] of this.deliveries) if (marker.expiresAt <= now) this.deliveries.delete(key);
  }

  private entry<T>(value: T): Entry<T> {
    return { value, expiresAt: this.now() + this.ttlMs };
  }

  private live<T>(map: Map<string, Entry<T>>, key: string): Entry<T> | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** Deletes the entries whose key passes `matches`; returns how many. */
function removeKeys(map: Map<string, unknown>, matches: (key: string) => boolean): number {
  let removed = 0;
  for (const key of [...map.keys()]) {
    if (!matches(key)) continue;
    map.delete(key);
    removed += 1;
  }
  return removed;
}

function refKey(ref: DecisionRef): string {
  return `${ref.teamId}:${ref.decisionId}`;
}
