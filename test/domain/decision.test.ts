import { describe, expect, it } from 'vitest';
import {
  finishesQuestionnaire,
  hasArgument,
  progressAfterSaving,
  resultsVisible,
  resumeStep,
  stepAfterSaving,
} from '../../src/domain/decision.js';
import { STEPS } from '../../src/domain/questions.js';

const LAST = STEPS.length - 1;
const NOW = '2026-12-02T10:00:00.000Z';
/** Every step saved, as a finished person's set is. */
const allSteps = Object.fromEntries(STEPS.map((step) => [step.id, {}]));
/** Every step saved but one, as when a step was added after the person finished. */
const withoutSecond = Object.fromEntries(STEPS.filter((_, i) => i !== 1).map((step) => [step.id, {}]));

describe('a decision’s rules', () => {
  it('hide a blind decision’s results until it closes, and show nothing before anyone finished', () => {
    expect(resultsVisible({}, 1)).toBe(true);
    expect(resultsVisible({}, 0)).toBe(false);
    expect(resultsVisible({ blind: true }, 3)).toBe(false);
    expect(resultsVisible({ blind: true, closed: { at: NOW } }, 3)).toBe(true);
  });

  it('argue only among more than one respondent', () => {
    expect([1, 2].map((respondents) => hasArgument({ respondents }))).toEqual([false, true]);
  });

  it('resume where the person left off, at a step missing since, or at the start', () => {
    expect(resumeStep(null)).toBe(0);
    expect(
      resumeStep({ steps: { [STEPS[0]?.id ?? '']: {} }, progress: { currentStep: 1, updatedAt: NOW } }),
    ).toBe(1);
    expect(
      resumeStep({ steps: withoutSecond, progress: { currentStep: LAST, updatedAt: NOW, finishedAt: NOW } }),
    ).toBe(1);
    expect(resumeStep({ steps: allSteps, progress: { currentStep: LAST + 5, updatedAt: NOW } })).toBe(LAST);
  });

  it('finish on the last step or an edited one, then lead to a missing step or the summary', () => {
    expect([
      finishesQuestionnaire(0, false),
      finishesQuestionnaire(LAST, false),
      finishesQuestionnaire(0, true),
    ]).toEqual([false, true, true]);
    expect(progressAfterSaving(0, false, NOW)).toEqual({ currentStep: 1, updatedAt: NOW });
    expect(progressAfterSaving(LAST, true, NOW)).toEqual({
      currentStep: LAST,
      updatedAt: NOW,
      finishedAt: NOW,
    });
    expect(stepAfterSaving(0, false, { steps: {} })).toBe(1);
    expect(stepAfterSaving(LAST, true, { steps: withoutSecond })).toBe(1);
    expect(stepAfterSaving(LAST, true, { steps: allSteps })).toBeUndefined();
  });
});
