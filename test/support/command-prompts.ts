import { expect } from 'vitest';
import type { SlackActor } from '../../src/emulator/index.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { CHANNEL, type Harness } from '../e2e/harness.js';

/** The question a slash command asked back, shown to the person alone, once it is there. */
export function promptFor(harness: Harness, person: SlackActor, pattern: RegExp) {
  const { workspace } = harness.slack;
  return workspace.waitFor(
    () => workspace.ephemeralFor(person.userId, CHANNEL).find((message) => pattern.test(message.text)),
    { what: `a question for ${person.userId} matching ${pattern}` },
  );
}

/** `/stream-verdict forget me`, then *Forget my answers* on the question it asks. */
export async function forgetMeConfirmed(harness: Harness, person: SlackActor): Promise<void> {
  await person.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'forget me' });
  const question = await promptFor(harness, person, /cannot be undone/);
  const reply = await person.clickButton({
    actionId: ACTION_IDS.confirmForgetMe,
    message: { channel: CHANNEL, ts: question.ts },
  });
  expect(reply.problems).toEqual([]);
}
