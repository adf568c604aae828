import { afterEach, describe, expect, it } from 'vitest';
import { BLOCK_IDS } from '../../src/slack/ids.js';
import { blockById } from '../support/blocks.js';
import { CHANNEL, type Harness, startHarness } from './harness.js';
import { decisionIdOf, startDecision } from './journey.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a title longer than a Slack header takes', () => {
  it('is kept to 150 characters, ending in an ellipsis, everywhere it is shown and stored', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    const words = 'We need an event bus for billing, search, fraud and the data lake, '.repeat(6);
    const posted = await startDecision(harness.slack, alice, CHANNEL, `  ${words}  `);

    const stored = await harness.app.store.getDecision({
      teamId: harness.slack.workspace.teamId,
      decisionId: decisionIdOf(posted),
    });
    const title = stored?.title ?? '';
    expect(title).toHaveLength(150);
    expect(title.endsWith('…')).toBe(true);
    expect(words.trim().startsWith(title.slice(0, -1).trimEnd())).toBe(true);
    const header = blockById(posted.blocks, BLOCK_IDS.decisionHeader);
    expect(header?.text?.text).toBe(title);
  });

  it('is cut before an emoji that would straddle the limit, never through it, and still posted', async () => {
    harness = await startHarness();
    const alice = harness.person('U0ALICE');
    // The 150th character would be the second half of the emoji: half an emoji cannot be sent to Slack.
    const typed = `${'a'.repeat(148)}😀 and the rest of a long title`;
    const posted = await startDecision(harness.slack, alice, CHANNEL, typed);

    const header = blockById(posted.blocks, BLOCK_IDS.decisionHeader);
    expect(header?.text?.text).toBe(`${'a'.repeat(148)}…`);
    expect(posted.text).toContain(`${'a'.repeat(148)}…`);
    // Throws on a lone surrogate.
    expect(() => encodeURIComponent(posted.text)).not.toThrow();
  });
});
