import { describe, expect, it } from 'vitest';
import { FIGURE_TYPICAL, FIGURE_UNKNOWN } from '../../src/domain/figures.js';
import { STEPS } from '../../src/domain/questions.js';
import type { Answers, Step } from '../../src/domain/types.js';
import { decodeStep, encodeStep } from '../../src/store/answer-codec.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  NEUTRAL_ANSWERS,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from '../domain/fixtures.js';
import { randomAnswers, seededRandom } from '../domain/random-answers.js';

/** Redis keeps a hash as a compact listpack only while every value is at most this long (its default). */
const LISTPACK_VALUE_BYTES = 64;

function stepAnswers(step: Step, answers: Answers): Answers {
  return Object.fromEntries(
    step.questions
      .filter((question) => question.id in answers)
      .map((question) => [question.id, answers[question.id]]),
  ) as Answers;
}

const random = seededRandom(16);
const people = [
  NEUTRAL_ANSWERS,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
  AWS_SHOP_WANTING_KAFKA,
  ...Array.from({ length: 200 }, () => randomAnswers(random)),
];

describe('answer codec', () => {
  it('keeps every step of every questionnaire short enough for a listpack, and reads it back exactly', () => {
    for (const person of people) {
      for (const step of STEPS) {
        const answers = stepAnswers(step, person);
        const stored = encodeStep(step.id, answers);
        expect(Buffer.byteLength(stored), `${step.id}: ${stored}`).toBeLessThanOrEqual(LISTPACK_VALUE_BYTES);
        expect(stored.startsWith('{'), stored).toBe(false);
        expect(decodeStep(step.id, stored)).toEqual(answers);
      }
    }
  });

  it('keeps a number’s rough range and both kinds of “Don’t know” by short tokens', () => {
    const answers: Answers = {
      avg_write_mbps: 'avg_100_1000',
      peak_write_mbps: FIGURE_TYPICAL,
      avg_record_kb: 'record_over_10mib',
      consumer_groups: FIGURE_UNKNOWN,
      retention_days: 'days_1',
    };
    const stored = encodeStep('workload', answers);
    expect(stored).toBe('1|~3,?t,~5,?,~0');
    expect(decodeStep('workload', stored)).toEqual(answers);
    expect(decodeStep('workload', '1|~9')).toBeUndefined();
  });

  it('keeps unanswered optional questions and empty or repeated multiple choices as they were', () => {
    const setup = STEPS.find((step) => step.id === 'setup') as Step;
    for (const answers of [
      {},
      { kafka_usage: [] },
      { kafka_usage: ['streams', 'clients', 'streams'] },
      { where_you_run: 'not_aws' },
    ] as Answers[]) {
      const stored = encodeStep(setup.id, answers);
      expect(stored.startsWith('{'), stored).toBe(false);
      expect(decodeStep(setup.id, stored)).toEqual(answers);
    }
  });

  it('keeps as JSON what it cannot say exactly: a step or an option it does not know, a value of another kind', () => {
    for (const [stepId, answers] of [
      ['team', { company_size: 'small' }],
      ['team_profile', { company_size: 'a_thousand' }],
      ['team_profile', { company_size: ['eng_1_10'] }],
      ['team_profile', { not_a_question: 'x' }],
      ['workload', { avg_write_mbps: '5' }],
    ] as [string, Answers][]) {
      const stored = encodeStep(stepId, answers);
      expect(stored).toBe(JSON.stringify(answers));
      expect(decodeStep(stepId, stored)).toEqual(answers);
    }
  });

  it('reads the JSON the previous version stored for every step', () => {
    const answers = stepAnswers(STEPS[0] as Step, WEB_APP_SHOP_ON_AWS);
    expect(decodeStep('team_profile', JSON.stringify(answers))).toEqual(answers);
  });

  it('reads nothing from a corrupt value rather than a guess', () => {
    for (const [stepId, stored] of [
      ['team_profile', '1|z'],
      ['team_profile', '1|00'],
      ['team_profile', `1|${'0,'.repeat(20)}0`],
      ['workload', '1|fast'],
      ['setup', '1|0,0'],
      ['unknown_step', '1|0'],
      ['team_profile', 'not json'],
    ]) {
      expect(decodeStep(stepId as string, stored as string), `${stepId}: ${stored}`).toBeUndefined();
    }
  });
});
