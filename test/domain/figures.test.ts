import { describe, expect, it } from 'vitest';
import { FIGURE_TYPICAL, FIGURE_UNKNOWN, figureLines, roughChoicesOf } from '../../src/domain/figures.js';
import { ALL_QUESTIONS, aggregateTeam, type NumberQuestion, STEPS } from '../../src/domain/index.js';
import { sanitizeAnswers } from '../../src/domain/validation.js';
import { describeAnswer } from '../../src/domain/words.js';
import { answersFor } from './fixtures.js';

const NUMBERS = ALL_QUESTIONS.filter((question): question is NumberQuestion => question.kind === 'number');

describe('the workload numbers as data', () => {
  it.each(NUMBERS)(
    '$id has a unit, rough ranges covering its field and both kinds of “Don’t know”',
    (question) => {
      expect(question.unit.length).toBeGreaterThan(0);
      expect(question.ranges[0]?.low).toBe(question.min);
      expect(question.ranges.at(-1)?.high).toBe(question.max);
      question.ranges.forEach((range, index) => {
        // Each range is priced at a stated figure inside it, near its geometric middle; the open-ended top one
        // near the middle of its first order of magnitude: "more than 1,000 MB/s" at 3,200, not at 10,000 on the
        // way to the field's 100,000.
        expect(range.pricedAt).toBeGreaterThanOrEqual(range.low);
        expect(range.pricedAt).toBeLessThanOrEqual(range.high);
        const top = index === question.ranges.length - 1 ? Math.min(range.high, 10 * range.low) : range.high;
        const middle = Math.sqrt(range.low * top);
        expect(Math.abs(Math.log(range.pricedAt / middle))).toBeLessThan(Math.log(1.1));
        if (question.integer) expect(Number.isInteger(range.pricedAt)).toBe(true);
        const next = question.ranges[index + 1];
        if (next) expect(next.low).toBeGreaterThanOrEqual(range.high);
      });
      expect(question.typical).toBeGreaterThanOrEqual(question.min);
      expect(question.typical).toBeLessThanOrEqual(question.max);
      const labels = roughChoicesOf(question).map((choice) => choice.label);
      expect(labels).toContain(`Don't know: use a typical ${question.typical} ${question.unit}`);
      expect(labels).toContain("Don't know: leave it out of the price");
      for (const label of labels) expect(label.length).toBeLessThanOrEqual(75);
    },
  );

  it('gives one of a unit in the singular: “1 day”, “1 consumer group”, “7 days”', () => {
    expect(describeAnswer('retention_days', 1)).toBe('days kept = 1 day');
    expect(describeAnswer('retention_days', 7)).toBe('days kept = 7 days');
    expect(describeAnswer('consumer_groups', 1)).toBe('reading services = 1 consumer group');
    expect(describeAnswer('avg_record_kb', 1)).toBe('record size = 1 KB');
    // A record of a MiB or more reads in MiB, as the ranges beside the field do.
    expect(describeAnswer('avg_record_kb', 3072)).toBe('record size = 3 MiB');
    expect(describeAnswer('avg_record_kb', 1000)).toBe('record size = 1,000 KB');
    const record = NUMBERS.find((question) => question.id === 'avg_record_kb');
    expect(record && roughChoicesOf(record).map((choice) => choice.label)).toContain(
      '1 to 10 MiB (priced at 3 MiB)',
    );
    const lines = figureLines([{ questionId: 'retention_days', basis: 'typical', pricedAt: 1, userIds: [] }]);
    expect(lines[0]).toContain('a typical 1 day,');
  });

  it('keeps only the workload step numeric, and stores rough answers as their ids', () => {
    expect(STEPS.filter((step) => step.questions.some((q) => q.kind === 'number')).map((s) => s.id)).toEqual([
      'workload',
    ]);
    expect(sanitizeAnswers({ avg_write_mbps: 'avg_10_100', retention_days: FIGURE_TYPICAL })).toEqual({
      avg_write_mbps: 'avg_10_100',
      retention_days: FIGURE_TYPICAL,
    });
    expect(sanitizeAnswers({ avg_write_mbps: 'days_1', retention_days: 'made_up' })).toEqual({});
  });
});

describe('a team’s figures', () => {
  it('prices a figure somebody gave, never the typical figure somebody else agreed to', () => {
    const team = aggregateTeam([
      {
        userId: 'U1',
        answers: answersFor({ avg_write_mbps: FIGURE_TYPICAL, peak_write_mbps: FIGURE_TYPICAL }),
      },
      { userId: 'U2', answers: answersFor({ avg_write_mbps: 40, peak_write_mbps: 80 }) },
    ]);
    expect(team.verdict.cost?.workload.avgWriteMbps).toBe(40);
    expect(team.verdict.cost?.workload.peakWriteMbps).toBe(80);
    expect(team.verdict.figures ?? []).toEqual([]);
  });

  it('says by whom a typical figure was agreed, and who left a figure unpriced', () => {
    const team = aggregateTeam([
      {
        userId: 'U1',
        answers: answersFor({ avg_write_mbps: FIGURE_TYPICAL, retention_days: FIGURE_UNKNOWN }),
      },
      {
        userId: 'U2',
        answers: answersFor({ avg_write_mbps: FIGURE_UNKNOWN, retention_days: FIGURE_UNKNOWN }),
      },
    ]);
    expect(team.verdict.cost).toBeUndefined();
    expect(figureLines(team.verdict.figures ?? [], (id) => `<@${id}>`)).toEqual([
      'average writes: nobody knew, so it is priced at a typical 1 MB/s (agreed by <@U1>)',
      "days kept: nobody knew (<@U1>, <@U2> said “Don't know”), so the cost cannot be priced until someone gives it",
    ]);
    expect(team.confidence).toBe('medium');
    expect(team.verdict.confidenceReason).toContain(
      'Nobody gave these workload figures: average writes, days kept',
    );
  });

  it('prices ranges at their stated figures and keeps the hard limits they cross', () => {
    const team = aggregateTeam([
      {
        userId: 'U1',
        answers: answersFor({ retention_days: 'days_over_365', avg_record_kb: 'record_10_100kb' }),
      },
    ]);
    expect(team.verdict.cost?.workload.retentionDays).toBe(1150);
    expect(team.verdict.cost?.workload.recordKb).toBe(32);
    expect(team.verdict.excluded.map((out) => out.platform)).toContain('kinesis');
    expect(team.ranges.find((range) => range.questionId === 'retention_days')?.pricedAt).toBe(1150);
  });
});
