import { afterEach, describe, expect, it } from 'vitest';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { CHANNEL, type Harness, startHarness, stepValues } from './harness.js';
import { LAST_STEP, startDecision, submitStep } from './journey.js';

/** Every Web API call has a deadline of its own; a slow or rate-limited call delays nothing else. */

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a views.open that never answers', () => {
  it('costs the person the modal, not the decision: the message is still posted, within a bound', async () => {
    harness = await startHarness();
    const h = harness;
    h.slack.server.hangNext('views.open');
    const alice = h.person('U0ALICE');
    const startedAt = Date.now();
    const reply = await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/stream-verdict',
      text: 'Hung Slack',
    });
    expect(reply.status).toBe(200);
    const message = await h.slack.workspace.waitFor(() => h.slack.workspace.messagesIn(CHANNEL)[0]?.blocks, {
      timeoutMs: 8_000,
      what: 'the decision message',
    });
    expect(message).toBeDefined();
    // views.open gives up at 2.5 s; the post follows at once.
    expect(Date.now() - startedAt).toBeLessThan(6_000);
    expect(h.logs.join('\n')).toMatch(/views\.open failed/);
  });
});

describe('a 429 on thread posts', () => {
  it('does not delay a modal opening in another channel', { timeout: 30_000 }, async () => {
    harness = await startHarness();
    const h = harness;
    const alice = h.person('U0ALICE');
    const posted = await startDecision(h.slack, alice, CHANNEL, 'Busy thread');
    for (let step = 0; step < LAST_STEP; step++) await submitStep(h.slack, alice, WEB_APP_SHOP_ON_AWS, step);

    // Alice's finish note is refused for 3 s, longer than any trigger id lives.
    h.slack.server.rateLimitNext('chat.postMessage', 3);
    await alice.submitView({ values: stepValues(LAST_STEP, WEB_APP_SHOP_ON_AWS) });
    // Recorded calls change nothing in the workspace, so they are polled for.
    const limitedBy = Date.now() + 5_000;
    while (!h.slack.calls('chat.postMessage').some((call) => call.httpStatus === 429)) {
      if (Date.now() > limitedBy) throw new Error('the thread post was never rate-limited');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const bob = h.person('U0BOB');
    const commandAt = Date.now();
    await bob.runSlashCommand({ channel: 'C0OTHER', command: '/stream-verdict', text: 'Elsewhere' });
    await h.slack.workspace.waitFor(() => h.slack.workspace.openViewFor('U0BOB'), {
      timeoutMs: 5_000,
      what: "Bob's questionnaire",
    });
    // Well inside the trigger's 3 s, which a client-wide pause of 3 s could not be.
    expect(Date.now() - commandAt).toBeLessThan(1_500);
    expect(h.slack.calls('views.open').at(-1)?.response).toMatchObject({ ok: true });

    // The rate-limited note itself still arrives once, after its Retry-After.
    const notes = await h.slack.workspace.waitFor(
      () => {
        const replies = h.slack.workspace.repliesTo(CHANNEL, posted.ts);
        return replies.length > 0 && replies;
      },
      { timeoutMs: 8_000, what: "Alice's note" },
    );
    expect(notes).toHaveLength(1);
  });
});
