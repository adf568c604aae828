import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { type RedisServerHandle, startRedisServer } from '../support/redis-server.js';
import { CHANNEL, type Harness, startHarness } from './harness.js';
import { decisionIdOf, decisionMessage, LAST_STEP, startDecision, submitStep } from './journey.js';

/**
 * How many times the app waits on Redis while a person waits on the app, counted with MONITOR on a Redis of
 * this test's own. A MULTI … EXEC goes out in one write and comes back in one reply, so it is one round trip,
 * and so is a script (the commands it runs inside Redis show up with the source `lua` and are not counted);
 * any other command counts as one, which over-counts pipelines and so can only make the count stricter.
 */
function roundTrips(commands: readonly string[][]): number {
  let trips = 0;
  let inTransaction = false;
  for (const [name = ''] of commands) {
    const command = name.toLowerCase();
    if (command === 'multi') {
      inTransaction = true;
      trips += 1;
    } else if (command === 'exec' || command === 'discard') {
      inTransaction = false;
    } else if (!inTransaction) {
      trips += 1;
    }
  }
  return trips;
}

/** The last write of a slash command: where its decision message was posted. */
const isMessageRecorded = ([name = '', , field]: string[]) =>
  name.toLowerCase() === 'hset' && field === 'message';

interface Recorder {
  /** Commands other clients ran while `action` ran, in the order Redis executed them. */
  during(action: () => Promise<unknown>): Promise<string[][]>;
  /** Resolves once another client has run a command that `matches`. */
  seen(matches: (args: string[]) => boolean): Promise<void>;
  close(): void;
}

async function recordCommands(url: string): Promise<Recorder> {
  const marker = new Redis(url);
  const ownAddress = /\baddr=(\S+)/.exec(String(await marker.client('INFO')))?.[1];
  const monitor = await new Redis(url).monitor();
  const seen: { args: string[]; source: string }[] = [];
  const waiting = new Map<string, () => void>();
  const watchers = new Set<(args: string[]) => void>();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    seen.push({ args, source });
    if (source === ownAddress && args[0]?.toLowerCase() === 'echo') waiting.get(args[1] ?? '')?.();
    else for (const watcher of watchers) watcher(args);
  });
  let sequence = 0;
  const mark = async () => {
    sequence += 1;
    const token = `round-trips-${sequence}`;
    const echoed = new Promise<void>((resolve) => waiting.set(token, resolve));
    await marker.echo(token);
    await echoed;
    return seen.length;
  };
  return {
    async during(action) {
      const from = await mark();
      await action();
      const to = await mark();
      return seen
        .slice(from, to - 1)
        .filter((entry) => entry.source !== ownAddress && entry.source !== 'lua')
        .map((entry) => entry.args);
    },
    seen(matches) {
      return new Promise<void>((resolve) => {
        const watcher = (args: string[]) => {
          if (!matches(args)) return;
          watchers.delete(watcher);
          resolve();
        };
        watchers.add(watcher);
      });
    },
    close() {
      monitor.disconnect();
      marker.disconnect();
    },
  };
}

describe('Redis round trips', () => {
  let redis: RedisServerHandle;
  let harness: Harness;
  let recorder: Recorder;

  beforeAll(async () => {
    redis = await startRedisServer();
    harness = await startHarness({ redisUrl: redis.url });
    recorder = await recordCommands(redis.url);
  });

  afterAll(async () => {
    recorder?.close();
    await harness?.close();
    await redis?.destroy();
  });

  it('each step submission waits on Redis once: save the step and list the decision as theirs (one script)', async () => {
    const { slack } = harness;
    const alice = harness.person('U0ALICE');
    const messageRecorded = recorder.seen(isMessageRecorded);
    const posted = await startDecision(slack, alice, CHANNEL, 'Round trips');
    const ref = { teamId: slack.workspace.teamId, decisionId: decisionIdOf(posted) };
    await messageRecorded;

    for (let step = 0; step < LAST_STEP; step++) {
      const commands = await recorder.during(() => submitStep(slack, alice, WEB_APP_SHOP_ON_AWS, step));
      expect(roundTrips(commands), `step ${STEPS[step]?.id}: ${JSON.stringify(commands)}`).toBe(1);
    }
    expect(await harness.app.store.homeDecisions(ref.teamId, alice.userId, 10)).toEqual([ref.decisionId]);

    const last = await recorder.during(async () => {
      await submitStep(slack, alice, WEB_APP_SHOP_ON_AWS, LAST_STEP);
      await slack.workspace.waitFor(
        () => slack.workspace.repliesTo(CHANNEL, decisionMessage(slack, CHANNEL).ts)[0],
        {
          what: 'the finish note',
        },
      );
    });
    // The save script (which also lists the decision on the person's Home tab), with the decision put on the
    // sweepers' list (ZADD) in the same write. Publishing the verdict: one script takes the publish lease (the
    // save already asked for the version); the decision, SMEMBERS, the waiting thread notes and one pipelined
    // HGETALL per person (one person here) read everything back; then the note is taken out of the outbox and
    // one script marks the version published and lets the lease go (after the note appears, so not counted).
    expect(roundTrips(last), JSON.stringify(last.map(([name]) => name))).toBeLessThanOrEqual(7);

    // The publisher lets its lease go after the note: wait for it, so the next test counts only its own.
    const observer = new Redis(redis.url);
    await expect
      .poll(() => observer.keys('*:publish_lease'), { timeout: 5_000 })
      .toEqual([])
      .finally(() => observer.disconnect());
  });

  it('a slash command waits on Redis twice: claim the command with its decision and listings, record its message', async () => {
    const { slack } = harness;
    const bob = harness.person('U0BOB');
    const commands = await recorder.during(async () => {
      const messageRecorded = recorder.seen(isMessageRecorded);
      // A deadline ten days ahead: a reminder and a close go on the due-list.
      const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await startDecision(slack, bob, 'C0OTHER', `--by ${deadline} Round trips, with a deadline`);
      await messageRecorded;
    });
    // One script that claims the command's marker and writes the decision, the channel's latest, the
    // starter's Home and both due items (reminder and deadline); one MULTI with where the message was posted.
    expect(roundTrips(commands), JSON.stringify(commands)).toBe(2);
  });
});
