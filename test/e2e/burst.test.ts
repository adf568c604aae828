import { afterEach, describe, expect, it } from 'vitest';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { CHANNEL, type Harness, startHarness, stepValues, visibleText } from './harness.js';
import { answerAllButTheLastStep, LAST_STEP, startDecision } from './journey.js';

/**
 * Slack takes one chat.update a second per message. When a whole team finishes at once, the decision message
 * must still be updated at most once a second, and its last update must count everyone.
 */

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const PEOPLE = 20;

describe('a burst of people finishing at once', () => {
  it('updates the decision message at most once a second, and the last update counts everyone', {
    timeout: 60_000,
  }, async () => {
    harness = await startHarness();
    const h = harness;
    const starter = h.person('U0ALICE');
    const posted = await startDecision(h.slack, starter, CHANNEL, 'Everyone at once');
    await starter.closeView();
    const people = Array.from({ length: PEOPLE }, (_, index) =>
      h.person(`U0B${String(index + 1).padStart(2, '0')}`),
    );
    for (const person of people) await answerAllButTheLastStep(h, person, posted.ts);

    const outcomes = await Promise.all(
      people.map(async (person, index) => {
        // All within a quarter of a second, as a team told "finish now" does.
        await new Promise((resolve) => setTimeout(resolve, index * 12));
        return (await person.submitView({ values: stepValues(LAST_STEP, WEB_APP_SHOP_ON_AWS) })).outcome;
      }),
    );
    expect(outcomes.every((outcome) => outcome === 'updated')).toBe(true);

    const message = () => h.slack.workspace.message(CHANNEL, posted.ts);
    await h.slack.workspace.waitFor(
      () => visibleText(message()?.blocks).includes(`From ${PEOPLE} finished answer sets`),
      { what: `the message to count all ${PEOPLE}`, timeoutMs: 30_000 },
    );
    // Let any publisher still holding the message finish, then look at every update it got.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const times = message()?.editTimes ?? [];
    const gaps = times.slice(1).map((at, index) => at - (times[index] as number));
    expect(times.length).toBeGreaterThan(1);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    expect(visibleText(message()?.blocks)).toContain(`From ${PEOPLE} finished answer sets`);
    expect(h.slack.workspace.repliesTo(CHANNEL, posted.ts)).toHaveLength(PEOPLE);
  });
});
