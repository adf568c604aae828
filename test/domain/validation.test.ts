import { describe, expect, it } from 'vitest';
import {
  answersSchema,
  parseStepAnswers,
  type RawStepInput,
  STEPS,
  type Step,
  sanitizeAnswers,
  validAnswersOf,
} from '../../src/domain/index.js';
import { NEUTRAL_ANSWERS, STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from './fixtures.js';

function step(id: string): Step {
  const found = STEPS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** What the form would send for these answers: numbers as the typed text. */
function rawFor(target: Step, answers = NEUTRAL_ANSWERS): RawStepInput {
  return Object.fromEntries(
    target.questions.map((question) => {
      const value = answers[question.id];
      return [question.id, typeof value === 'number' ? String(value) : value];
    }),
  );
}

function errorsFor(stepId: string, changes: RawStepInput): Record<string, string> {
  const target = step(stepId);
  const result = parseStepAnswers(target, { ...rawFor(target), ...changes });
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseStepAnswers', () => {
  it('round-trips every step of complete answer sets', () => {
    for (const answers of [NEUTRAL_ANSWERS, STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS]) {
      for (const target of STEPS) {
        const expected = Object.fromEntries(
          target.questions.map((question) => [question.id, answers[question.id]]),
        );
        expect(parseStepAnswers(target, rawFor(target, answers))).toEqual({ ok: true, answers: expected });
      }
    }
  });

  it('asks for every required answer that is missing', () => {
    const result = parseStepAnswers(step('setup'), {});
    expect(result).toEqual({
      ok: false,
      errors: {
        where_you_run: 'Please choose an answer',
        kafka_usage: 'Please choose at least one answer',
        kafka_api_need: 'Please choose an answer',
        time_to_production: 'Please choose an answer',
        kafka_dev_experience: 'Please choose an answer',
      },
    });
    expect(
      errorsFor('workload', { avg_write_mbps: '', peak_write_mbps: '   ', retention_days: null }),
    ).toEqual({
      avg_write_mbps: 'Type a number, or pick a rough range or “Don’t know” below',
      peak_write_mbps: 'Type a number, or pick a rough range or “Don’t know” below',
      retention_days: 'Type a number, or pick a rough range or “Don’t know” below',
    });
    expect(errorsFor('setup', { kafka_usage: [] })).toEqual({
      kafka_usage: 'Please choose at least one answer',
    });
  });

  it('rejects a choice that is not offered', () => {
    expect(errorsFor('setup', { where_you_run: 'mars' })).toEqual({
      where_you_run: 'That answer is no longer offered; please choose again',
    });
    expect(errorsFor('setup', { kafka_usage: ['clients', 'pulsar'] })).toEqual({
      kafka_usage: 'One of those answers is no longer offered; please choose again',
    });
    expect(errorsFor('setup', { where_you_run: ['aws_only'] })).toEqual({
      where_you_run: 'That answer is no longer offered; please choose again',
    });
  });

  it('rejects duplicate picks and "Don\'t know" or "None" mixed with other answers', () => {
    expect(errorsFor('setup', { kafka_usage: ['clients', 'clients'] })).toEqual({
      kafka_usage: 'Please choose each answer only once',
    });
    expect(errorsFor('setup', { kafka_usage: ['clients', 'dont_know'] })).toEqual({
      kafka_usage: "“Don't know” cannot be combined with other answers",
    });
    expect(errorsFor('risk', { data_rules: ['none', 'region'] })).toEqual({
      data_rules: '“No special rules” cannot be combined with other answers',
    });
  });

  it('accepts numbers as people type them', () => {
    const workload = step('workload');
    const result = parseStepAnswers(workload, {
      ...rawFor(workload),
      avg_write_mbps: ' 12 ',
      peak_write_mbps: '12.5',
      avg_record_kb: '.5',
      consumer_groups: '3',
      retention_days: '365',
    });
    expect(result).toEqual({
      ok: true,
      answers: {
        avg_write_mbps: 12,
        peak_write_mbps: 12.5,
        avg_record_kb: 0.5,
        consumer_groups: 3,
        retention_days: 365,
        availability_zones: 'three',
      },
    });
  });

  it('names the allowed range and unit when a number is not usable', () => {
    const throughput = 'Enter a number from 0.01 to 100,000 MB/s';
    for (const typed of ['abc', '1e999', 'NaN', 'Infinity', '12 MB', '1,000', '0', '-5', '100001', '0.001']) {
      expect(errorsFor('workload', { avg_write_mbps: typed }), typed).toEqual({ avg_write_mbps: throughput });
    }
    expect(errorsFor('workload', { avg_record_kb: '200000' })).toEqual({
      avg_record_kb: 'Enter a number from 0.1 to 102,400 KB',
    });
    expect(errorsFor('workload', { consumer_groups: '2.5' })).toEqual({
      consumer_groups: 'Enter a whole number from 1 to 500 consumer groups',
    });
    expect(errorsFor('workload', { retention_days: '4000' })).toEqual({
      retention_days: 'Enter a whole number from 1 to 3,650 days',
    });
    expect(errorsFor('workload', { retention_days: ['7'] })).toEqual({
      retention_days: 'Enter a whole number from 1 to 3,650 days',
    });
  });

  it('catches a peak below the average', () => {
    expect(errorsFor('workload', { avg_write_mbps: '50', peak_write_mbps: '20' })).toEqual({
      peak_write_mbps: 'The peak cannot be lower than the average (50 MB/s)',
    });
  });

  it('keeps every message a short sentence', () => {
    const messages = [
      errorsFor('setup', { where_you_run: undefined, kafka_usage: ['x'] }),
      errorsFor('workload', { avg_write_mbps: 'x', consumer_groups: '0.5', retention_days: 'x' }),
      errorsFor('risk', { data_rules: ['audited', 'dont_know'], downtime_cost: 'x' }),
    ].flatMap((errors) => Object.values(errors));
    expect(messages).toHaveLength(7);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(150);
      expect(message).toMatch(/^[A-Z“]/);
    }
  });

  it('ignores fields it does not know', () => {
    const workload = step('workload');
    const result = parseStepAnswers(workload, {
      ...rawFor(workload),
      surprise: 'value',
      where_you_run: 'mars',
    });
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.answers)).not.toContain('surprise');
  });

  it('takes a rough range or “Don’t know” beside a number instead of it, but not both and not neither', () => {
    const workload = step('workload');
    const rough = { ...rawFor(workload), avg_write_mbps: '', avg_write_mbps_rough: 'avg_10_100' };
    const parsed = parseStepAnswers(workload, {
      ...rough,
      peak_write_mbps: '',
      peak_write_mbps_rough: 'dont_know',
    });
    expect(parsed.ok && parsed.answers).toMatchObject({
      avg_write_mbps: 'avg_10_100',
      peak_write_mbps: 'dont_know',
    });
    expect(errorsFor('workload', { avg_write_mbps: '5', avg_write_mbps_rough: 'avg_1_10' })).toEqual({
      avg_write_mbps_rough: 'Either type a number or pick one here, not both',
    });
    expect(errorsFor('workload', { avg_write_mbps: '', avg_write_mbps_rough: null })).toEqual({
      avg_write_mbps: 'Type a number, or pick a rough range or “Don’t know” below',
    });
    expect(errorsFor('workload', { avg_write_mbps: '', avg_write_mbps_rough: 'days_1' })).toEqual({
      avg_write_mbps_rough: 'That answer is no longer offered; please choose again',
    });
  });

  it('refuses a peak whose number or range lies wholly below the average’s', () => {
    expect(
      errorsFor('workload', {
        avg_write_mbps: '50',
        peak_write_mbps: '',
        peak_write_mbps_rough: 'peak_1_10',
      }),
    ).toEqual({
      peak_write_mbps_rough: 'The peak cannot be lower than the average (50 MB/s)',
    });
    expect(
      errorsFor('workload', {
        avg_write_mbps: '',
        avg_write_mbps_rough: 'avg_100_1000',
        peak_write_mbps: '20',
      }),
    ).toEqual({ peak_write_mbps: 'The peak cannot be lower than the average (at least 100 MB/s)' });
    const overlapping = parseStepAnswers(step('workload'), {
      ...rawFor(step('workload')),
      avg_write_mbps: '',
      avg_write_mbps_rough: 'avg_10_100',
      peak_write_mbps: '',
      peak_write_mbps_rough: 'peak_1_10',
    });
    expect(overlapping.ok).toBe(true);
  });

  it('lets optional questions be skipped', () => {
    const optionalStep: Step = {
      id: 'extras',
      title: 'Extras',
      intro: 'Anything else.',
      questions: [
        {
          id: 'notes_count',
          short: 'notes',
          kind: 'number',
          prompt: 'How many?',
          help: 'Only if you know.',
          unit: 'items',
          threshold: 'there were {bound} items',
          min: 1,
          max: 10,
          integer: true,
          optional: true,
          ranges: [],
          typical: 2,
        },
        {
          id: 'tools',
          short: 'tools',
          kind: 'multi',
          prompt: 'Which tools?',
          help: 'Only if any.',
          optional: true,
          options: [{ id: 'one', label: 'One' }],
        },
      ],
    };
    expect(parseStepAnswers(optionalStep, { notes_count: '', tools: [] })).toEqual({ ok: true, answers: {} });
    expect(parseStepAnswers(optionalStep, { notes_count: '11' })).toEqual({
      ok: false,
      errors: { notes_count: 'Enter a whole number from 1 to 10 items' },
    });
  });
});

describe('stored answers', () => {
  it('accepts any well-formed answer set and rejects anything else', () => {
    expect(answersSchema.safeParse(NEUTRAL_ANSWERS).success).toBe(true);
    expect(answersSchema.safeParse({ q: { nested: true } }).success).toBe(false);
    expect(answersSchema.safeParse({ q: [1, 2] }).success).toBe(false);
    expect(answersSchema.safeParse('answers').success).toBe(false);
  });

  it('keeps valid answers and drops those that no longer fit the questions', () => {
    expect(sanitizeAnswers(NEUTRAL_ANSWERS)).toEqual(NEUTRAL_ANSWERS);
    expect(
      sanitizeAnswers({
        ...NEUTRAL_ANSWERS,
        retired_question: 'yes',
        where_you_run: 'renamed_option',
        kafka_usage: ['clients', 'dont_know'],
        data_rules: 'region',
        consumer_groups: 2.5,
        retention_days: 99999,
        avg_write_mbps: '5',
      }),
    ).toEqual(
      Object.fromEntries(
        Object.entries(NEUTRAL_ANSWERS).filter(
          ([id]) =>
            ![
              'where_you_run',
              'kafka_usage',
              'data_rules',
              'consumer_groups',
              'retention_days',
              'avg_write_mbps',
            ].includes(id),
        ),
      ),
    );
  });
});

describe('going Back from an unfinished step', () => {
  it('keeps the answers that are valid so far and leaves out the missing and the wrong ones', () => {
    const workload = step('workload');
    expect(
      validAnswersOf(workload, { avg_write_mbps: '5', peak_write_mbps: 'lots', avg_record_kb: null }),
    ).toEqual({
      avg_write_mbps: 5,
    });
  });

  it('keeps everything when the whole step is valid', () => {
    const workload = step('workload');
    const raw = Object.fromEntries(workload.questions.map((q) => [q.id, String(NEUTRAL_ANSWERS[q.id])]));
    expect(Object.keys(validAnswersOf(workload, raw)).sort()).toEqual(
      workload.questions.map((q) => q.id).sort(),
    );
  });
});
