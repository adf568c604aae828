import type { SlackActor } from '../../src/emulator/index.js';
import { CHANNEL, type Harness } from '../e2e/harness.js';

/** The question a slash command asked back, shown to the person alone, once it is there. */
export function promptFor(harness: Harness, person: SlackActor, pattern: RegExp) {
  const { workspace } = harness.slack;
  return workspace.waitFor(
    () => workspace.ephemeralFor(person.userId, CHANNEL).find((message) => pattern.test(message.text)),
    { what: `a question for ${person.userId} matching ${pattern}` },
  );
}
