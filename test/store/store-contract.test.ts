import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeSteps } from '../../src/domain/answer-set.js';
import type { Decision } from '../../src/domain/decision.js';
import { STEPS } from '../../src/domain/questions.js';
import type { Answers } from '../../src/domain/types.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { type DecisionStore, RECENT_DELIVERIES } from '../../src/store/port.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { openRedisNamespace, type RedisNamespace } from '../support/redis-namespace.js';

const decision: Decision = {
  teamId: 'T0001',
  decisionId: 'd-abc123',
  channelId: 'C0001',
  createdBy: 'U0001',
  title: 'Event bus for the billing rewrite',
  createdAt: '2026-11-24T10:00:00.000Z',
};
const ref = { teamId: decision.teamId, decisionId: decision.decisionId };
/** One step's share of a whole set of answers. */
const stepOf = (index: number, answers: Answers): Answers =>
  Object.fromEntries(
    (STEPS[index]?.questions ?? []).filter((q) => q.id in answers).map((q) => [q.id, answers[q.id]]),
  ) as Answers;
/** Where a new decision is listed: its starter's Home (and its channel), no deadline. */
/** An answer set as the contract states it: the Redis store adds a version (tested on its own below). */
function withoutVersion<T extends { version?: string }>(set: T | null): Omit<T, 'version'> | null {
  if (!set) return set;
  const { version: _version, ...rest } = set;
  return rest;
}

const LISTED = { at: new Date('2026-11-24T10:00:00Z'), due: [] };
const progress = (currentStep: number, finishedAt?: string) => ({
  currentStep,
  updatedAt: '2026-11-24T10:05:00.000Z',
  ...(finishedAt ? { finishedAt } : {}),
});

let deliveries = 0;
/** Saves a step as a fresh delivery each time, as distinct submissions are. */
function save(
  store: DecisionStore,
  ...args: Parameters<DecisionStore['saveStep']> extends [...infer Head, string] ? Head : never
) {
  deliveries += 1;
  return store.saveStep(...args, `delivery-${deliveries}`);
}

interface Adapter {
  name: string;
  open(): Promise<{ store: DecisionStore; cleanup(): Promise<void> }>;
}

const adapters: Adapter[] = [
  {
    name: 'memory',
    async open() {
      const store = new MemoryStore({ retentionDays: 90 });
      return { store, cleanup: () => store.close() };
    },
  },
  {
    name: 'redis',
    async open() {
      const ns = openRedisNamespace();
      const store = new RedisStore({ client: ns.client.duplicate(), retentionDays: 90, keys: ns.keys });
      return {
        store,
        async cleanup() {
          await store.close();
          await ns.cleanup();
        },
      };
    },
  },
];

describe.each(adapters)('$name store', (adapter) => {
  let store: DecisionStore;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await adapter.open());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('returns a decision as it was created, and null for one that does not exist', async () => {
    await store.createDecision(decision, LISTED);
    expect(await store.getDecision(ref)).toEqual(decision);
    expect(await store.getDecision({ ...ref, decisionId: 'd-missing' })).toBeNull();
  });

  it('never returns a decision to another workspace, even with its id', async () => {
    await store.createDecision(decision, LISTED);
    expect(await store.getDecision({ ...ref, teamId: 'T0002' })).toBeNull();
  });

  it('keeps the decision message ts once it is posted', async () => {
    await store.createDecision(decision, LISTED);
    await store.setDecisionMessage(ref, { channel: 'C0001', ts: '1700000000.000100' });
    expect(await store.getDecision(ref)).toEqual({
      ...decision,
      message: { channel: 'C0001', ts: '1700000000.000100' },
    });
  });

  it('saves each step as it is submitted and resumes where the person was', async () => {
    await store.createDecision(decision, LISTED);
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    await save(store, ref, 'U0001', { id: 'workload', answers: { avg_write_mbps: 2.5 } }, progress(2));
    expect(withoutVersion(await store.getAnswerSet(ref, 'U0001'))).toEqual({
      userId: 'U0001',
      steps: { team: { company_size: 'small' }, workload: { avg_write_mbps: 2.5 } },
      progress: progress(2),
    });
  });

  it('replaces a step submitted again instead of merging old answers into it', async () => {
    await store.createDecision(decision, LISTED);
    await save(
      store,
      ref,
      'U0001',
      { id: 'team', answers: { company_size: 'small', culture: 'web' } },
      progress(1),
    );
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'large' } }, progress(1));
    expect((await store.getAnswerSet(ref, 'U0001'))?.steps.team).toEqual({ company_size: 'large' });
  });

  it('keeps multi-choice answers as lists, empty ones included', async () => {
    await store.createDecision(decision, LISTED);
    const answers = { kafka_usage: ['connect', 'streams'], extras: [] };
    await save(store, ref, 'U0001', { id: 'setup', answers }, progress(3));
    expect((await store.getAnswerSet(ref, 'U0001'))?.steps.setup).toEqual(answers);
  });

  it('lists every respondent of a decision ordered by user id, and only that decision', async () => {
    await store.createDecision(decision, LISTED);
    await store.createDecision({ ...decision, decisionId: 'd-other' }, LISTED);
    await save(
      store,
      ref,
      'U0003',
      { id: 'team', answers: { company_size: 'large' } },
      progress(6, '2026-11-24T10:09:00.000Z'),
    );
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    await save(store, { ...ref, decisionId: 'd-other' }, 'U0002', { id: 'team', answers: {} }, progress(1));
    const sets = await store.listAnswerSets(ref);
    expect(sets.map((set) => set.userId)).toEqual(['U0001', 'U0003']);
    expect(sets[1]?.progress.finishedAt).toBe('2026-11-24T10:09:00.000Z');
  });

  it('writes nothing for a decision that does not exist, in this workspace or at all', async () => {
    await store.createDecision(decision, LISTED);
    const step = { id: 'team', answers: { company_size: 'small' } };
    expect(await save(store, { ...ref, decisionId: 'd-missing' }, 'U0001', step, progress(1))).toEqual({
      status: 'missing',
    });
    expect(await save(store, { ...ref, teamId: 'T0002' }, 'U0001', step, progress(1))).toEqual({
      status: 'missing',
    });
    expect(await store.getAnswerSet({ ...ref, teamId: 'T0002' }, 'U0001')).toBeNull();
    expect(await store.listAnswerSets(ref)).toEqual([]);
  });

  it('saves a delivery once: the same submission delivered twice leaves one change', async () => {
    await store.createDecision(decision, LISTED);
    const first = await store.saveStep(
      ref,
      'U0001',
      { id: 'team', answers: { company_size: 'small' } },
      progress(1),
      'same',
    );
    const again = await store.saveStep(
      ref,
      'U0001',
      { id: 'team', answers: { company_size: 'large' } },
      progress(4),
      'same',
    );
    expect(first.status).toBe('saved');
    expect(again).toMatchObject({ status: 'duplicate', decision: { title: decision.title } });
    expect('answerSet' in again && again.answerSet.steps.team).toEqual({ company_size: 'small' });
    expect((await store.getAnswerSet(ref, 'U0001'))?.progress.currentStep).toBe(1);
  });

  it('knows a person’s last RECENT_DELIVERIES deliveries, each person’s apart, and forgets older ones', async () => {
    await store.createDecision(decision, LISTED);
    const saveAs = (userId: string, deliveryId: string, currentStep: number) =>
      store.saveStep(
        ref,
        userId,
        { id: 'team', answers: { company_size: 'small' } },
        progress(currentStep),
        deliveryId,
      );
    for (let index = 1; index <= RECENT_DELIVERIES; index += 1)
      await saveAs('U0001', `click ${index}`, index);
    // The oldest of the last four, delivered again: a repeat.
    expect((await saveAs('U0001', 'click 1', 9)).status).toBe('duplicate');
    expect((await saveAs('U0002', 'click 1', 1)).status).toBe('saved');
    expect((await store.getAnswerSet(ref, 'U0001'))?.progress.currentStep).toBe(RECENT_DELIVERIES);

    await saveAs('U0001', 'click 5', 5);
    // Four newer deliveries since: it is no longer told from a new one (Slack repeats within seconds).
    expect((await saveAs('U0001', 'click 1', 6)).status).toBe('saved');
    expect((await saveAs('U0001', 'click 5', 7)).status).toBe('duplicate');
  });

  it('says whether a finish repeats an earlier one, and keeps the finish when a step is edited later', async () => {
    await store.createDecision(decision, LISTED);
    const first = await save(
      store,
      ref,
      'U0001',
      { id: 'priorities', answers: {} },
      progress(5, '2026-11-24T10:09:00.000Z'),
    );
    expect('answerSet' in first && first.finishedBefore).toBe(false);
    const edit = await save(
      store,
      ref,
      'U0001',
      { id: 'team', answers: { company_size: 'small' } },
      progress(1),
    );
    expect('answerSet' in edit && edit.answerSet.progress.finishedAt).toBe('2026-11-24T10:09:00.000Z');
    const again = await save(
      store,
      ref,
      'U0001',
      { id: 'priorities', answers: {} },
      progress(5, '2026-11-24T11:00:00.000Z'),
    );
    expect('answerSet' in again && again.finishedBefore).toBe(true);
  });

  it('claims a request once per workspace: repeats, even at once, are refused', async () => {
    const claims = await Promise.all([
      store.claimRequest('T0001', 'trigger-1'),
      store.claimRequest('T0001', 'trigger-1'),
      store.claimRequest('T0001', 'trigger-1'),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimRequest('T0001', 'trigger-2')).toBe(true);
    expect(await store.claimRequest('T0002', 'trigger-1')).toBe(true);
  });

  it('creates a decision once per request: repeats, even at once, write nothing, and the claim holds as claimRequest’s', async () => {
    const creations = [0, 1, 2].map((index) =>
      store.createDecisionOnce({ ...decision, decisionId: `d-try-${index}` }, LISTED, 'trigger-1'),
    );
    const firsts = await Promise.all(creations.map((creation) => creation.first));
    await Promise.all(creations.map((creation) => creation.created));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    const made = firsts.indexOf(true);
    expect(await store.getDecision({ teamId: 'T0001', decisionId: `d-try-${made}` })).not.toBeNull();
    for (const index of [0, 1, 2].filter((other) => other !== made))
      expect(await store.getDecision({ teamId: 'T0001', decisionId: `d-try-${index}` })).toBeNull();
    expect(await store.latestInChannel('T0001', 'C0001')).toBe(`d-try-${made}`);
    expect(await store.homeDecisions('T0001', 'U0001', 10)).toEqual([`d-try-${made}`]);
    expect(await store.claimRequest('T0001', 'trigger-1')).toBe(false);
  });

  it('forgets one person’s answers and nobody else’s', async () => {
    await store.createDecision(decision, LISTED);
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    await save(store, ref, 'U0002', { id: 'team', answers: { company_size: 'large' } }, progress(1));
    expect(await store.forgetAnswers(ref, 'U0001')).toBe(true);
    expect(await store.forgetAnswers(ref, 'U0001')).toBe(false);
    expect(await store.getAnswerSet(ref, 'U0001')).toBeNull();
    expect((await store.listAnswerSets(ref)).map((set) => set.userId)).toEqual(['U0002']);
  });

  it('finds every decision of a workspace that holds a person’s answers, and only those', async () => {
    const other = { ...decision, decisionId: 'd-other' };
    const elsewhere = { ...decision, teamId: 'T0002', decisionId: 'd-elsewhere' };
    for (const made of [decision, other, elsewhere]) await store.createDecision(made, LISTED);
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    await save(store, ref, 'U0002', { id: 'team', answers: { company_size: 'large' } }, progress(1));
    await save(store, other, 'U0002', { id: 'team', answers: { company_size: 'large' } }, progress(1));
    await save(store, elsewhere, 'U0002', { id: 'team', answers: { company_size: 'large' } }, progress(1));
    expect(await store.answeredDecisions('T0001', 'U0002')).toEqual(['d-abc123', 'd-other']);
    expect(await store.answeredDecisions('T0001', 'U0001')).toEqual(['d-abc123']);
    await store.forgetAnswers(ref, 'U0001');
    expect(await store.answeredDecisions('T0001', 'U0001')).toEqual([]);
  });

  it('has no answer set for someone who has not started', async () => {
    expect(await store.getAnswerSet(ref, 'U0009')).toBeNull();
    expect(await store.listAnswerSets(ref)).toEqual([]);
  });

  it('closes and reopens a decision, and takes no answers while it is closed', async () => {
    await store.createDecision(decision, LISTED);
    const closure = { at: '2026-11-25T09:00:00.000Z', by: 'U0001' };
    expect(await store.setDecisionClosed(ref, closure)).toEqual({ ...decision, closed: closure });
    expect(await store.getDecision(ref)).toEqual({ ...decision, closed: closure });
    const refused = await save(store, ref, 'U0002', { id: 'team', answers: {} }, progress(1));
    expect(refused).toEqual({ status: 'closed', decision: { ...decision, closed: closure } });
    expect(await store.getAnswerSet(ref, 'U0002')).toBeNull();

    expect(await store.setDecisionClosed(ref, null)).toEqual(decision);
    expect((await save(store, ref, 'U0002', { id: 'team', answers: {} }, progress(1))).status).toBe('saved');
    expect(await store.setDecisionClosed({ ...ref, decisionId: 'd-missing' }, closure)).toBeNull();
    expect(await store.getDecision({ ...ref, decisionId: 'd-missing' })).toBeNull();
  });

  it('lets only one of two simultaneous closes go on, keeping the first closure', async () => {
    await store.createDecision(decision, LISTED);
    const byPerson = { at: '2026-11-25T09:00:00.000Z', by: 'U0001' };
    const byDeadline = { at: '2026-11-25T09:00:00.001Z' };
    const results = await Promise.all([
      store.setDecisionClosed(ref, byPerson),
      store.setDecisionClosed(ref, byDeadline),
    ]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect((await store.getDecision(ref))?.closed).toEqual(byPerson);
    expect(await store.setDecisionClosed(ref, byDeadline)).toBeNull();
    expect(await store.setDecisionClosed(ref, null)).not.toBeNull();
    expect(await store.setDecisionClosed(ref, null)).toBeNull();
  });

  it('keeps deadline and blind mode with the decision', async () => {
    const options = { ...decision, decideBy: '2026-11-27T23:59:59.999Z', blind: true };
    await store.createDecision(options, LISTED);
    expect(await store.getDecision(ref)).toEqual(options);
  });

  it('lets one publisher at a time hold a decision, and hands it every version asked for meanwhile', async () => {
    await store.createDecision(decision, LISTED);
    // Nothing changed yet: nothing to publish.
    expect(await store.claimPublish(ref, 'holder-a', 30_000)).toEqual({ status: 'clean' });
    const finish = (userId: string) =>
      save(store, ref, userId, { id: 'priorities', answers: {} }, progress(5, '2026-11-24T10:09:00.000Z'));
    await finish('U0001');
    expect(await store.claimPublish(ref, 'holder-a', 30_000)).toEqual({ status: 'leader', version: 1 });
    await finish('U0002');
    await store.setDecisionClosed(ref, { at: '2026-11-25T09:00:00.000Z' });
    expect(await store.claimPublish(ref, 'holder-b', 30_000)).toEqual({ status: 'busy' });
    // The holder published version 1; 3 was asked for since, so it keeps the lease and publishes again.
    expect(await store.finishPublish(ref, 'holder-a', 1, 30_000)).toBe(3);
    // A stranger cannot release someone else's lease.
    await store.abandonPublish(ref, 'holder-x');
    expect(await store.finishPublish(ref, 'holder-x', 3, 30_000)).toBeNull();
    expect(await store.claimPublish(ref, 'holder-c', 30_000)).toEqual({ status: 'busy' });
    expect(await store.finishPublish(ref, 'holder-a', 3, 30_000)).toBeNull();
    // Released in the same step; with its notes still waiting the decision is not clean yet.
    expect(await store.claimPublish(ref, 'holder-d', 30_000)).toEqual({ status: 'leader', version: 3 });
    // A failed holder lets go at once: the next caller leads without waiting for the lease to run out.
    await store.abandonPublish(ref, 'holder-d');
    expect(await store.claimPublish(ref, 'holder-e', 30_000)).toEqual({ status: 'leader', version: 3 });
    await store.notePosted(ref, 'U0001');
    await store.notePosted(ref, 'U0002');
    expect(await store.finishPublish(ref, 'holder-e', 3, 30_000)).toBeNull();
    expect(await store.claimPublish(ref, 'holder-f', 30_000)).toEqual({ status: 'clean' });
    // Forgotten answers ask for a republish too.
    expect(await store.forgetAnswers(ref, 'U0002')).toBe(true);
    expect(await store.claimPublish(ref, 'holder-f', 30_000)).toEqual({ status: 'leader', version: 4 });
    // Nothing to publish for a decision that is gone, and nothing is written for it.
    const gone = { ...ref, decisionId: 'd-missing' };
    expect(await store.claimPublish(gone, 'holder-g', 30_000)).toEqual({ status: 'clean' });
    expect(await store.finishPublish(gone, 'holder-g', 1, 30_000)).toBeNull();
    expect(await store.getDecision(gone)).toBeNull();
  });

  it('keeps one thread note per finisher in the outbox until it is posted, with the finish it notes', async () => {
    await store.createDecision(decision, LISTED);
    const finishAt = (userId: string, at: string) =>
      save(store, ref, userId, { id: 'priorities', answers: {} }, progress(5, at));
    await finishAt('U0002', '2026-11-24T10:09:00.000Z');
    await finishAt('U0001', '2026-11-24T10:10:00.000Z');
    // A second finish while the first note waits is noted once.
    await finishAt('U0002', '2026-11-24T10:11:00.000Z');
    // Saving a step that does not finish owes no note.
    await save(store, ref, 'U0003', { id: 'team', answers: {} }, progress(1));
    expect(await store.pendingNotes(ref)).toEqual([
      { userId: 'U0002', again: false, at: '2026-11-24T10:09:00.000Z' },
      { userId: 'U0001', again: false, at: '2026-11-24T10:10:00.000Z' },
    ]);
    await store.notePosted(ref, 'U0002');
    await finishAt('U0002', '2026-11-24T10:12:00.000Z');
    expect(await store.pendingNotes(ref)).toEqual([
      { userId: 'U0001', again: false, at: '2026-11-24T10:10:00.000Z' },
      { userId: 'U0002', again: true, at: '2026-11-24T10:12:00.000Z' },
    ]);
    // A duplicate delivery of a finish owes nothing more.
    await store.saveStep(
      ref,
      'U0004',
      { id: 'priorities', answers: {} },
      progress(5, '2026-11-24T10:13:00.000Z'),
      'once',
    );
    await store.saveStep(
      ref,
      'U0004',
      { id: 'priorities', answers: {} },
      progress(5, '2026-11-24T10:14:00.000Z'),
      'once',
    );
    expect((await store.pendingNotes(ref)).filter((note) => note.userId === 'U0004')).toHaveLength(1);
  });

  it('hands each dirty decision to one sweeper, again after its claim runs out, and keeps one marked again', async () => {
    const minute = 60_000;
    const t0 = new Date('2026-11-24T10:00:00Z').getTime();
    await store.markDirty(ref, new Date(t0 + 10_000));
    expect(await store.claimDirty(new Date(t0 + 9_999), minute, 10)).toEqual([]);
    const at = new Date(t0 + 15_000);
    const claims = (
      await Promise.all([store.claimDirty(at, minute, 10), store.claimDirty(at, minute, 10)])
    ).flat();
    expect(claims).toEqual([{ ref, claim: at.getTime() + minute }]);
    expect(await store.claimDirty(new Date(at.getTime() + minute - 1), minute, 10)).toEqual([]);
    // Not settled within its claim: offered again, and the stale claim can no longer settle it.
    const [again] = await store.claimDirty(new Date(at.getTime() + minute), minute, 10);
    if (!again || !claims[0]) throw new Error('no claim');
    await store.settleDirty(claims[0]);
    const [third] = await store.claimDirty(new Date(at.getTime() + 2 * minute), minute, 10);
    expect(third?.ref).toEqual(ref);
    if (!third) throw new Error('no claim');
    // Marked again after the claim (a new change): settling the claim leaves it on the list.
    await store.markDirty(ref, new Date(at.getTime() + 2 * minute + 10_000));
    await store.settleDirty(third);
    const [marked] = await store.claimDirty(new Date(at.getTime() + 2 * minute + 10_000), minute, 10);
    expect(marked?.ref).toEqual(ref);
    if (!marked) throw new Error('no claim');
    await store.settleDirty(marked);
    expect(await store.claimDirty(new Date(at.getTime() + 10 * minute), minute, 10)).toEqual([]);
  });

  it('hands each due item to one claimer, again after its claim runs out, and never before it is due', async () => {
    const remind = { kind: 'remind' as const, ...ref };
    const close = { kind: 'close' as const, ...ref };
    await store.schedule(close, new Date('2026-11-28T00:00:00Z'));
    await store.schedule(remind, new Date('2026-11-27T00:00:00Z'));
    expect(await store.claimDue(new Date('2026-11-26T23:59:59Z'), 60_000, 10)).toEqual([]);
    const at = new Date('2026-11-27T00:00:01Z');
    expect(await store.dueCounts(at)).toEqual({ waiting: 2, overdue: 1 });
    const claims = await Promise.all([store.claimDue(at, 60_000, 10), store.claimDue(at, 60_000, 10)]);
    expect(claims.flat()).toEqual([remind]);
    // Claimed: still waiting, no longer overdue.
    expect(await store.dueCounts(at)).toEqual({ waiting: 2, overdue: 0 });
    // Not done within its claim: offered again.
    expect(await store.claimDue(new Date(at.getTime() + 60_001), 60_000, 10)).toEqual([remind]);
    await store.unschedule(remind);
    expect(await store.claimDue(new Date('2026-11-28T00:00:00Z'), 60_000, 10)).toEqual([close]);
  });

  it('lists a new decision in its channel, on its starter’s Home and on the due-list, and an answered one on the person’s Home', async () => {
    const close = { kind: 'close' as const, ...ref };
    await store.createDecision(decision, {
      at: new Date('2026-11-24T10:00:00Z'),
      due: [{ item: close, at: new Date('2026-11-28T00:00:00Z') }],
    });
    expect(await store.latestInChannel('T0001', 'C0001')).toBe(ref.decisionId);
    expect(await store.homeDecisions('T0001', 'U0001', 10)).toEqual([ref.decisionId]);
    expect(await store.claimDue(new Date('2026-11-28T00:00:00Z'), 60_000, 10)).toEqual([close]);

    expect(await store.homeDecisions('T0001', 'U0002', 10)).toEqual([]);
    await save(store, ref, 'U0002', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    expect(await store.homeDecisions('T0001', 'U0002', 10)).toEqual([ref.decisionId]);
    // A save that writes nothing lists nothing.
    await save(store, { ...ref, decisionId: 'd-missing' }, 'U0003', { id: 'team', answers: {} }, progress(1));
    expect(await store.homeDecisions('T0001', 'U0003', 10)).toEqual([]);
  });

  it('lists the decisions a person started or answered, newest first, and the latest in a channel', async () => {
    await store.rememberForHome(ref, 'U0001', new Date('2026-11-24T10:00:00Z'));
    await store.rememberForHome({ ...ref, decisionId: 'd-newer' }, 'U0001', new Date('2026-11-25T10:00:00Z'));
    await store.rememberForHome(ref, 'U0001', new Date('2026-11-24T10:00:00Z'));
    expect(await store.homeDecisions('T0001', 'U0001', 10)).toEqual(['d-newer', 'd-abc123']);
    expect(await store.homeDecisions('T0001', 'U0001', 1)).toEqual(['d-newer']);
    expect(await store.homeDecisions('T0002', 'U0001', 10)).toEqual([]);

    expect(await store.latestInChannel('T0001', 'C0001')).toBeNull();
    await store.setLatestInChannel(ref, 'C0001');
    await store.setLatestInChannel({ ...ref, decisionId: 'd-newer' }, 'C0001');
    expect(await store.latestInChannel('T0001', 'C0001')).toBe('d-newer');
    expect(await store.latestInChannel('T0002', 'C0001')).toBeNull();
  });

  it('erases everything of one tenant and nothing of another, and finds nothing the second time', async () => {
    const other = { ...decision, teamId: 'T0002' };
    for (const each of [decision, other]) {
      const eachRef = { teamId: each.teamId, decisionId: each.decisionId };
      const remind = { kind: 'remind' as const, ...eachRef };
      const close = { kind: 'close' as const, ...eachRef };
      // Listed on its starter's Home, in its channel and on the due-list as it is created.
      await store.createDecision(each, {
        at: new Date('2026-11-24T10:00:00Z'),
        due: [
          { item: remind, at: new Date('2026-11-27T00:00:00Z') },
          { item: close, at: new Date('2026-11-28T00:00:00Z') },
        ],
      });
      await save(store, eachRef, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
      // A finish: its thread note waits in the outbox and the decision is on the dirty list, leased.
      await store.markDirty(eachRef, new Date('2026-11-24T10:00:00Z'));
      await save(
        store,
        eachRef,
        'U0002',
        { id: 'team', answers: { company_size: 'large' } },
        progress(5, '2026-11-24T10:09:00.000Z'),
      );
      expect((await store.claimPublish(eachRef, 'holder-e', 30_000)).status).toBe('leader');
    }

    const erased = await store.eraseTenant('T0001');
    // Indexes: the Home lists of U0001 (who started it) and U0002 (who answered), the channel's latest.
    expect(erased).toMatchObject({ decisions: 1, answerSets: 2, indexes: 3, dueItems: 2, dirtyDecisions: 1 });
    expect(await store.getDecision(ref)).toBeNull();
    expect(await store.listAnswerSets(ref)).toEqual([]);
    expect(await store.pendingNotes(ref)).toEqual([]);
    const dirtyLater = await store.claimDirty(new Date('2026-12-01T00:00:00Z'), 60_000, 10);
    expect(dirtyLater.map((claim) => claim.ref.teamId)).toEqual(['T0002']);
    expect(await store.homeDecisions('T0001', 'U0001', 10)).toEqual([]);
    expect(await store.homeDecisions('T0001', 'U0002', 10)).toEqual([]);
    expect(await store.latestInChannel('T0001', 'C0001')).toBeNull();
    const dueLater = await store.claimDue(new Date('2026-12-01T00:00:00Z'), 60_000, 10);
    expect(dueLater.map((item) => item.teamId)).toEqual(['T0002', 'T0002']);

    const otherRef = { teamId: 'T0002', decisionId: decision.decisionId };
    expect(await store.getDecision(otherRef)).not.toBeNull();
    expect(await store.listAnswerSets(otherRef)).toHaveLength(2);
    expect(await store.homeDecisions('T0002', 'U0001', 10)).toEqual([decision.decisionId]);
    expect(await store.homeDecisions('T0002', 'U0002', 10)).toEqual([decision.decisionId]);
    expect(await store.latestInChannel('T0002', 'C0001')).toBe(decision.decisionId);
    expect(await store.pendingNotes(otherRef)).toHaveLength(1);

    expect(await store.eraseTenant('T0001')).toEqual({
      decisions: 0,
      answerSets: 0,
      indexes: 0,
      dueItems: 0,
      dirtyDecisions: 0,
      keys: 0,
    });
  });

  it('counts a due item’s failures from the first one, and forgets them once it is unscheduled', async () => {
    const remind = { kind: 'remind' as const, ...ref };
    await store.schedule(remind, new Date('2026-11-27T00:00:00Z'));
    const first = new Date('2026-11-27T00:00:01Z');
    expect(await store.noteDueFailure(remind, first)).toEqual({ count: 1, firstAt: first });
    expect(await store.noteDueFailure(remind, new Date('2026-11-27T00:01:01Z'))).toEqual({
      count: 2,
      firstAt: first,
    });
    expect(await store.noteDueFailure({ ...remind, kind: 'close' }, first)).toEqual({
      count: 1,
      firstAt: first,
    });
    await store.unschedule(remind);
    const later = new Date('2026-11-28T00:00:00Z');
    expect(await store.noteDueFailure(remind, later)).toEqual({ count: 1, firstAt: later });
  });

  it("takes one tenant's due items off the due-list and keeps its decisions", async () => {
    await store.createDecision(decision, LISTED);
    await store.schedule({ kind: 'remind', ...ref }, new Date('2026-11-27T00:00:00Z'));
    await store.schedule({ kind: 'close', ...ref }, new Date('2026-11-28T00:00:00Z'));
    const otherClose = { kind: 'close' as const, teamId: 'T0002', decisionId: 'd-other' };
    await store.schedule(otherClose, new Date('2026-11-28T00:00:00Z'));
    expect(await store.unscheduleTenant('T0001')).toBe(2);
    expect(await store.unscheduleTenant('T0001')).toBe(0);
    expect(await store.claimDue(new Date('2026-12-01T00:00:00Z'), 60_000, 10)).toEqual([otherClose]);
    expect(await store.getDecision(ref)).not.toBeNull();
  });

  it('reports its health', async () => {
    const health = await store.health();
    expect(health.status).toBe('ok');
    expect(health.kind).toBe(adapter.name);
  });
});

describe('redis store specifics', () => {
  let ns: RedisNamespace;
  let store: RedisStore;

  beforeEach(() => {
    ns = openRedisNamespace();
    store = new RedisStore({ client: ns.client.duplicate(), retentionDays: 7, keys: ns.keys });
  });
  afterEach(async () => {
    await store.close();
    await ns.cleanup();
  });

  it('takes a delivery the previous version marked with a key of its own as a repeat, for the day those keys live', async () => {
    await store.createDecision(decision, LISTED);
    const team = { id: 'team', answers: { company_size: 'small' } };
    await store.saveStep(ref, 'U0001', team, progress(1), 'delivery-new-1');
    // The previous version saved the next step under this delivery and marked it so; Slack's retry reaches us.
    const oldMarker = `${ns.prefix}:{${ref.teamId}:${ref.decisionId}}:delivery:delivery-old`;
    await ns.client.set(oldMarker, '1', 'PX', 86_400_000);
    const retried = { id: 'team', answers: { company_size: 'large' } };
    const repeat = await store.saveStep(ref, 'U0001', retried, progress(2), 'delivery-old');
    expect(repeat.status).toBe('duplicate');
    expect((await store.getAnswerSet(ref, 'U0001'))?.steps).toEqual({ team: team.answers });
    // Only that delivery: a new one is saved, and no marker key is written any more.
    const next = await store.saveStep(ref, 'U0001', retried, progress(2), 'delivery-new-2');
    expect(next.status).toBe('saved');
    expect(await ns.client.keys(`${ns.prefix}:*:delivery:*`)).toEqual([oldMarker]);
  });

  it('puts a decision’s keys in one cluster hash slot and gives every key a TTL', async () => {
    await store.createDecision(decision, LISTED);
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    await save(
      store,
      ref,
      'U0001',
      { id: 'priorities', answers: {} },
      progress(5, '2026-11-24T10:09:00.000Z'),
    );
    const keys = await ns.client.keys(`${ns.prefix}:*`);
    const decisionKeys = keys.filter((key) => key.startsWith(`${ns.prefix}:{`));
    // decision, respondents, answers (with the deliveries it has seen) and the thread-note outbox
    expect(decisionKeys).toHaveLength(4);
    expect(new Set(decisionKeys.map(hashTag)).size).toBe(1);
    // Besides them, the indexes: the starter's Home list and the channel's latest decision.
    expect(keys.filter((key) => !decisionKeys.includes(key)).sort()).toEqual([
      ns.keys.home('T0001', 'U0001'),
      ns.keys.latest('T0001', 'C0001'),
    ]);
    for (const key of keys) {
      const ttl = await ns.client.pttl(key);
      const expected = 7 * 86_400_000;
      expect(ttl, key).toBeGreaterThan(expected - 60_000);
      expect(ttl, key).toBeLessThanOrEqual(expected);
    }
  });

  it('records where the decision message is, and renews the decision’s retention with it', async () => {
    await store.createDecision(decision, LISTED);
    const key = ns.keys.decision(ref);
    await ns.client.pexpire(key, 5_000);
    await store.setDecisionMessage(ref, { channel: 'C0001', ts: '1700000000.000100' });
    expect((await store.getDecision(ref))?.message).toEqual({ channel: 'C0001', ts: '1700000000.000100' });
    expect(await ns.client.pttl(key)).toBeGreaterThan(7 * 86_400_000 - 60_000);
  });

  it('erases a tenant in batches, leaving no key of it, however many it has', async () => {
    // More keys than one SCAN batch asks for, so the erasure has to go round several times.
    for (let index = 0; index < 120; index += 1) {
      const each = { ...decision, decisionId: `d-${index}` };
      await store.createDecision(each, LISTED);
      await save(store, each, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    }
    await store.createDecision({ ...decision, teamId: 'T00012' }, LISTED);
    const erased = await store.eraseTenant('T0001');
    // Three keys a decision, and the Home list and channel pointer they share.
    expect(erased).toMatchObject({ decisions: 120, answerSets: 120, keys: 362 });
    const left = await ns.client.keys(`${ns.prefix}:*`);
    expect(left.filter((key) => key.includes('T0001:'))).toEqual([]);
    // A tenant whose id starts with the same characters is another tenant: its decision, Home list and channel pointer stay.
    expect(left.filter((key) => key.includes('T00012:'))).toHaveLength(3);
  });

  it('versions each answer set: the same until a step changes, then different', async () => {
    await store.createDecision(decision, LISTED);
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    const first = (await store.getAnswerSet(ref, 'U0001'))?.version;
    expect(first).toEqual(expect.any(String));
    expect((await store.listAnswerSets(ref))[0]?.version).toBe(first);
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'large' } }, progress(1));
    const second = (await store.getAnswerSet(ref, 'U0001'))?.version;
    expect(second).not.toBe(first);
    await save(store, ref, 'U0001', { id: 'workload', answers: { avg_write_mbps: 2.5 } }, progress(2));
    expect((await store.getAnswerSet(ref, 'U0001'))?.version).not.toBe(second);
  });

  it('reads the answers the previous version stored as JSON, alone or next to new ones', async () => {
    await store.createDecision(decision, LISTED);
    const key = ns.keys.answers(ref, 'U0001');
    const teamProfile = stepOf(0, WEB_APP_SHOP_ON_AWS);
    const workload = stepOf(1, WEB_APP_SHOP_ON_AWS);
    // As the previous version wrote a person's first step: each step one JSON value.
    await ns.client.hset(
      key,
      'step:team_profile',
      JSON.stringify(teamProfile),
      'progress',
      JSON.stringify({ currentStep: 1, updatedAt: '2026-11-24T10:05:00.000Z' }),
    );
    expect(withoutVersion(await store.getAnswerSet(ref, 'U0001'))).toEqual({
      userId: 'U0001',
      steps: { team_profile: teamProfile },
      progress: progress(1),
    });

    await save(store, ref, 'U0001', { id: 'workload', answers: workload }, progress(2));
    expect(await ns.client.hget(key, 'step:workload')).toMatch(/^1\|/);
    expect((await store.listAnswerSets(ref))[0]?.steps).toEqual({ team_profile: teamProfile, workload });
  });

  it('keeps a whole questionnaire of answers in one compact listpack, read back as it was given', async () => {
    await store.createDecision(decision, LISTED);
    for (const [index, step] of STEPS.entries()) {
      const last = index === STEPS.length - 1;
      const answers = stepOf(index, STREAMING_IS_THE_PRODUCT);
      await save(
        store,
        ref,
        'U0001',
        { id: step.id, answers },
        progress(index, last ? '2026-11-24T10:09:00.000Z' : undefined),
      );
    }
    expect(await ns.client.object('ENCODING', ns.keys.answers(ref, 'U0001'))).toBe('listpack');
    const stored = await store.getAnswerSet(ref, 'U0001');
    expect(stored && mergeSteps(stored)).toEqual(STREAMING_IS_THE_PRODUCT);
  });

  it('ignores corrupt or forged data instead of trusting it', async () => {
    await store.createDecision(decision, LISTED);
    await ns.client.hset(ns.keys.decision(ref), 'meta', '{"teamId":"T0001","decisionId":42}');
    expect(await store.getDecision(ref)).toBeNull();

    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    await ns.client.hset(ns.keys.answers(ref, 'U0001'), 'step:workload', 'not json');
    expect((await store.getAnswerSet(ref, 'U0001'))?.steps).toEqual({ team: { company_size: 'small' } });

    await ns.client.hset(ns.keys.answers(ref, 'U0001'), 'progress', '{"currentStep":-1}');
    expect(await store.getAnswerSet(ref, 'U0001')).toBeNull();
  });
});

describe('memory store retention', () => {
  it('forgets everything after RETENTION_DAYS', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z');
    const store = new MemoryStore({ retentionDays: 2, now: () => now });
    await store.createDecision(decision, LISTED);
    await save(store, ref, 'U0001', { id: 'team', answers: { company_size: 'small' } }, progress(1));
    now += 2 * 86_400_000 - 1;
    expect(await store.getDecision(ref)).not.toBeNull();
    now += 1;
    expect(await store.getDecision(ref)).toBeNull();
    expect(await store.getAnswerSet(ref, 'U0001')).toBeNull();
  });

  it('sweeps request markers a day old, so a sandbox left running does not hold every command it ever saw', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z');
    const store = new MemoryStore({ retentionDays: 90, now: () => now });
    for (let command = 0; command < 50; command++) await store.claimRequest('T0001', `trigger-${command}`);
    now += 86_400_000 - 1;
    expect(await store.claimRequest('T0001', 'trigger-49')).toBe(false);
    now += 1;
    // A new command sweeps the day-old markers (they are never looked up again); its own stays a day.
    expect(await store.claimRequest('T0001', 'trigger-new')).toBe(true);
    expect(await store.claimRequest('T0001', 'trigger-new')).toBe(false);
    // Erasing the workspace deletes what is held: the one live marker, not fifty-one.
    expect((await store.eraseTenant('T0001')).keys).toBe(1);
  });
});

function hashTag(key: string): string {
  return key.slice(key.indexOf('{'), key.indexOf('}') + 1);
}
