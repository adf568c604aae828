import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING, parsePricingOverride, scoreAnswers } from '../../src/domain/index.js';
import { PRICE_KEYS } from '../../src/domain/pricing.js';
import { answersFor } from './fixtures.js';

describe('the price table', () => {
  it('is dated, and gives every figure a unit, a source and a confidence', () => {
    expect(DEFAULT_PRICING.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(DEFAULT_PRICING.prices).sort()).toEqual([...PRICE_KEYS].sort());
    for (const [key, figure] of Object.entries(DEFAULT_PRICING.prices)) {
      expect(figure.usd, key).toBeGreaterThan(0);
      expect(figure.unit.length, key).toBeGreaterThan(0);
      expect(figure.label.length, key).toBeGreaterThan(0);
      expect(figure.source.length, key).toBeGreaterThan(0);
      expect(['high', 'medium', 'low'], key).toContain(figure.confidence);
    }
  });

  it('carries PRICING.md’s figures', () => {
    const usd = Object.fromEntries(
      Object.entries(DEFAULT_PRICING.prices).map(([key, figure]) => [key, figure.usd]),
    );
    expect(usd).toMatchObject({
      kinesisShardHour: 0.015,
      kinesisPutUnitsPerMillion: 0.014,
      kinesisExtendedRetentionShardHour: 0.02,
      kinesisOnDemandStreamHour: 0.04,
      kinesisOnDemandGbWritten: 0.08,
      kinesisOnDemandGbRead: 0.04,
      mskT3SmallBrokerHour: 0.0456,
      mskM7gLargeBrokerHour: 0.204,
      mskStorageGbMonth: 0.1,
      mskServerlessClusterHour: 0.75,
      mskServerlessPartitionHour: 0.0015,
      mskServerlessGbIn: 0.1,
      mskServerlessGbOut: 0.05,
      ec2M7gLargeHour: 0.0816,
      gp3GbMonth: 0.08,
      crossAzGbEachWay: 0.01,
    });
    // The corrections of 2026-12-01: the three retention prices are checked, the new figures are in.
    expect(usd).toMatchObject({
      kinesisLongTermRetentionGbMonth: 0.023,
      kinesisOnDemandExtendedRetentionGbMonth: 0.1,
      kinesisEfoConsumerShardHour: 0.015,
      kinesisEfoGbRead: 0.013,
      kinesisOnDemandEfoGbRead: 0.05,
      kinesisAdvantageGbWritten: 0.032,
      mskTieredStorageGbMonth: 0.06,
      mskExpressM7gLargeBrokerHour: 0.408,
      mskExpressGbWritten: 0.01,
      s3StandardGbMonth: 0.023,
    });
    for (const key of [
      'kinesisExtendedRetentionShardHour',
      'kinesisLongTermRetentionGbMonth',
      'kinesisOnDemandExtendedRetentionGbMonth',
    ] as const) {
      expect(DEFAULT_PRICING.prices[key].confidence, key).toBe('high');
    }
    // Figures with no published source are marked as such.
    expect(DEFAULT_PRICING.prices.mskExpressStorageGbMonth.confidence).toBe('low');
    expect(DEFAULT_PRICING.prices.kinesisAdvantageGbRead.confidence).toBe('low');
  });
});

describe('an operator’s price file', () => {
  it('replaces the prices it names, with its own date and source, and keeps the rest', () => {
    const result = parsePricingOverride({
      asOf: '2027-01-15',
      region: 'EU (Ireland)',
      prices: {
        kinesisShardHour: 0.0165,
        ec2M7gLargeHour: { usd: 0.06, source: 'our 1-year savings plan', confidence: 'high' },
      },
    });
    if (!result.ok) throw new Error(result.problem);
    expect(result.pricing.asOf).toBe('2027-01-15');
    expect(result.pricing.region).toBe('EU (Ireland)');
    expect(result.pricing.prices.kinesisShardHour).toMatchObject({
      usd: 0.0165,
      source: 'the operator’s price file',
      confidence: 'medium',
    });
    expect(result.pricing.prices.ec2M7gLargeHour).toMatchObject({
      usd: 0.06,
      source: 'our 1-year savings plan',
      confidence: 'high',
    });
    expect(result.pricing.prices.gp3GbMonth).toEqual(DEFAULT_PRICING.prices.gp3GbMonth);
  });

  it('changes the estimate, and the date the verdict shows', () => {
    const result = parsePricingOverride({ asOf: '2027-01-15', prices: { ec2M7gLargeHour: 0.0408 } });
    if (!result.ok) throw new Error(result.problem);
    const answers = answersFor();
    const selfRun = (pricing = DEFAULT_PRICING) => {
      const cost = scoreAnswers(answers, { pricing, engineerYearlyUsd: 200_000 }).cost;
      const found = cost?.options.find((option) => option.option === 'kafka_ec2');
      return { found, asOf: cost?.pricesAsOf };
    };
    const before = selfRun();
    const after = selfRun(result.pricing);
    // Half the instance price: 3 m7g.large brokers and 3 KRaft controllers × 730 h × $0.0408 less.
    expect(before.found?.available && after.found?.available).toBe(true);
    if (before.found?.available && after.found?.available) {
      expect(before.found.machinesUsd - after.found.machinesUsd).toBeCloseTo(6 * 730 * 0.0408, 6);
    }
    expect(after.asOf).toBe('2027-01-15');
  });

  it('is refused with one line naming what is wrong', () => {
    const problem = (input: unknown) => {
      const result = parsePricingOverride(input);
      return result.ok ? undefined : result.problem;
    };
    expect(problem({ prices: {} })).toBe('asOf: must be a date written YYYY-MM-DD');
    expect(problem({ asOf: '2 Oct 2026', prices: {} })).toBe('asOf: must be a date written YYYY-MM-DD');
    expect(problem({ asOf: '2026-10-02', prices: { kinesisShardHour: -1 } })).toBe(
      'prices.kinesisShardHour: must not be negative',
    );
    expect(problem({ asOf: '2026-10-02', prices: { kinesisShardHour: '0.015' } })).toMatch(
      /^prices\.kinesisShardHour: /,
    );
    expect(problem({ asOf: '2026-10-02', prices: { kinesisShardHuor: 0.015 } })).toMatch(
      /^prices: unknown key kinesisShardHuor \(known prices: kinesisShardHour, /,
    );
    expect(problem({ asOf: '2026-10-02', prices: {}, currency: 'EUR' })).toMatch(/^unknown key currency/);
    expect(problem([])).toMatch(/./);
    for (const input of [null, 'prices', 42]) expect(problem(input)?.includes('\n')).toBe(false);
  });
});
