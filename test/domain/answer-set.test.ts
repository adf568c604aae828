import { describe, expect, it } from 'vitest';
import { firstMissingStep, isComplete, mergeSteps, respondentsOf, STEPS } from '../../src/domain/index.js';
import type { Answers } from '../../src/domain/types.js';
import { WEB_APP_SHOP_ON_AWS } from './fixtures.js';

/** The fixture's answers split into the questionnaire's steps, as the store keeps them. */
function stepped(answers: Answers, upTo = STEPS.length): Record<string, Answers> {
  return Object.fromEntries(
    STEPS.slice(0, upTo).map((step) => [
      step.id,
      Object.fromEntries(
        step.questions.filter((q) => q.id in answers).map((q) => [q.id, answers[q.id] as Answers[string]]),
      ),
    ]),
  );
}

describe('answer sets', () => {
  it('merge back into the answers they were split from', () => {
    expect(mergeSteps({ steps: stepped(WEB_APP_SHOP_ON_AWS) })).toEqual(WEB_APP_SHOP_ON_AWS);
  });

  it('name the first step still missing', () => {
    expect(firstMissingStep({ steps: stepped(WEB_APP_SHOP_ON_AWS, 2) })).toBe(2);
    expect(firstMissingStep({ steps: stepped(WEB_APP_SHOP_ON_AWS) })).toBeUndefined();
  });

  it('count in the verdict only when finished with every step saved', () => {
    const finished = {
      userId: 'U1',
      steps: stepped(WEB_APP_SHOP_ON_AWS),
      progress: { finishedAt: '2026-11-24T10:00:00Z' },
    };
    const unfinished = { ...finished, userId: 'U2', progress: {} };
    const gap = { ...finished, userId: 'U3', steps: stepped(WEB_APP_SHOP_ON_AWS, 3) };
    expect([finished, unfinished, gap].map(isComplete)).toEqual([true, false, false]);
    expect(respondentsOf([finished, unfinished, gap])).toEqual([
      { userId: 'U1', answers: WEB_APP_SHOP_ON_AWS },
    ]);
  });
});
