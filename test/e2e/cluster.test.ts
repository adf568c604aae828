import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clusterUnavailableReason,
  type RedisClusterHandle,
  startRedisCluster,
} from '../support/redis-cluster.js';
import { CHANNEL, type Harness, startHarness } from './harness.js';
import { twoPeopleReachAVerdict } from './journey.js';

const unavailable = clusterUnavailableReason();
if (unavailable) console.warn(`Redis Cluster test skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('on a Redis Cluster of three masters', () => {
  let cluster: RedisClusterHandle;
  let harness: Harness | undefined;

  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await cluster?.destroy();
  });

  it('runs the whole flow from a redis+cluster:// REDIS_URL, each decision in one slot', async () => {
    harness = await startHarness({ redisUrl: cluster.url });
    // Persistence is read from every master, not guessed from the URL: these run with --save '' --appendonly no.
    expect(await harness.app.store.health()).toMatchObject({
      kind: 'redis',
      status: 'ok',
      durable: false,
      redis: { appendonly: false, save: '', evicts: false },
    });

    const decisionId = await twoPeopleReachAVerdict(harness);

    const holders = [];
    for (const master of cluster.masters()) {
      const keys = await master.keys(`*{*:${decisionId}}*`);
      if (keys.length > 0) holders.push(keys.sort());
    }
    // Every key of the decision (its record, respondents, both people's answers and whatever else the app
    // keeps for it) is on the one master that owns the hash tag's slot.
    expect(holders).toHaveLength(1);
    expect(holders[0]?.filter((key) => /\}:(decision|respondents)$/.test(key))).toHaveLength(2);
    expect(holders[0]?.filter((key) => key.includes('}:answers:'))).toHaveLength(2);
    // The indexes live in other slots, so they are written beside the decision's MULTI and script, not in them.
    const { store } = harness.app;
    expect(await store.latestInChannel('T0001', CHANNEL)).toBe(decisionId);
    expect(await store.homeDecisions('T0001', 'U0ALICE', 10)).toEqual([decisionId]);
    expect(await store.homeDecisions('T0001', 'U0BOB', 10)).toEqual([decisionId]);
  });

  it('finds a person’s answers on every master (forget me), not only on the node it asks first', async () => {
    if (!harness) throw new Error('the flow above did not start');
    const { store } = harness.app;
    const decisionIds = Array.from({ length: 12 }, (_, index) => `spread-${index}`);
    for (const decisionId of decisionIds) {
      const ref = { teamId: 'T0001', decisionId };
      await store.createDecision(
        {
          ...ref,
          channelId: 'C0GENERAL',
          createdBy: 'U0ALICE',
          title: decisionId,
          createdAt: new Date().toISOString(),
        },
        { at: new Date(), due: [] },
      );
      const progress = { currentStep: 1, updatedAt: new Date().toISOString() };
      await store.saveStep(ref, 'U0CAROL', { id: 'team', answers: {} }, progress, `delivery-${decisionId}`);
    }
    const mastersHolding = [];
    for (const master of cluster.masters())
      if ((await master.keys('*:answers:U0CAROL')).length > 0) mastersHolding.push(master);
    expect(mastersHolding.length).toBeGreaterThan(1);

    expect(await store.answeredDecisions('T0001', 'U0CAROL')).toEqual([...decisionIds].sort());
  });

  it('erases the workspace from every master when the app is uninstalled', async () => {
    if (!harness) throw new Error('the flow above starts the harness');
    const keysOfWorkspace = async () => {
      const found: string[] = [];
      for (const master of cluster.masters())
        found.push(...(await master.keys(`${harness?.keyPrefix}:*T0001*`)));
      return found;
    };
    expect(await keysOfWorkspace()).not.toEqual([]);
    // The decision, each person's Home list and the channel's latest pointer have hash tags of their own.
    const holding = [];
    for (const master of cluster.masters())
      if ((await master.keys(`${harness.keyPrefix}:*T0001*`)).length > 0) holding.push(master);
    expect(holding.length).toBeGreaterThan(1);

    await harness.person('U0ADMIN').uninstallApp();
    const deadline = Date.now() + 5_000;
    while ((await keysOfWorkspace()).length > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await keysOfWorkspace()).toEqual([]);
  });
});
