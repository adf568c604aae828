import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL, type Harness, startHarness } from './harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

describe('when Slack says no, the person who asked is told what to do', () => {
  it.each(['not_in_channel', 'channel_not_found'])(
    '%s → an ephemeral note on how to invite the app',
    async (error) => {
      harness = await startHarness();
      harness.slack.server.failNext('chat.postMessage', error);
      const alice = harness.person('U0ALICE');
      await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Private plans' });
      const note = await harness.slack.workspace.waitFor(
        () => harness.slack.workspace.ephemeralFor('U0ALICE')[0],
        {
          what: 'the note to Alice',
        },
      );
      expect(note.text).toContain('/invite @Stream Verdict');
      expect(harness.slack.workspace.messagesIn(CHANNEL)).toEqual([]);
    },
  );

  it('ratelimited → retried after Retry-After, and the decision is posted exactly once', {
    timeout: 15_000,
  }, async () => {
    harness = await startHarness();
    harness.slack.server.rateLimitNext('chat.postMessage', 1);
    const alice = harness.person('U0ALICE');
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Busy day' });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.messagesIn(CHANNEL)[0], {
      timeoutMs: 5_000,
      what: 'the decision message after the retry',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.slack.workspace.messagesIn(CHANNEL)).toHaveLength(1);
    expect(harness.slack.calls('chat.postMessage').map((call) => call.httpStatus)).toEqual([429, 200]);
  });

  it('expired_trigger_id → logged with how long after the command it happened; the decision is still posted', async () => {
    harness = await startHarness();
    harness.slack.server.failNext('views.open', 'expired_trigger_id');
    const alice = harness.person('U0ALICE');
    await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Slow network' });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.messagesIn(CHANNEL)[0]);
    expect(harness.logs.join('\n')).toMatch(
      /views\.open failed \(expired_trigger_id\) \d+ ms after the command/,
    );
  });
});
