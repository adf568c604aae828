import { describe, expect, it } from 'vitest';
import {
  type CostEstimate,
  type CostOption,
  DEFAULT_PRICING,
  estimateCosts,
  formatUsd,
  type OptionCost,
  readWorkload,
  scoreAnswers,
  type Workload,
} from '../../src/domain/index.js';
import { answersFor, WEB_APP_SHOP_ON_AWS } from './fixtures.js';

const SETTINGS = { pricing: DEFAULT_PRICING, engineerYearlyUsd: 200_000 };

function option(estimate: CostEstimate, id: CostOption): OptionCost {
  const found = estimate.options.find((candidate) => candidate.option === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function machines(estimate: CostEstimate, id: CostOption): number {
  const found = option(estimate, id);
  if (!found.available) throw new Error(`${id} is out: ${found.reason}`);
  return found.machinesUsd;
}

/*
 * Hand calculations. Conventions, as the estimate states them: a month is 730 hours = 2,628,000 s; MB = MiB,
 * GB = 1,024 MB, KB = 1,024 bytes, so records/s = MB/s × 1,024 ÷ record KB; disks hold 3 replicas, half full.
 */
describe('the monthly machine bill, checked by hand', () => {
  it('a web shop: 2 MB/s average, 8 at the peak, 1 KB records, 2 readers, 3 days, 3 zones', () => {
    const workload: Workload = {
      avgWriteMbps: 2,
      peakWriteMbps: 8,
      recordKb: 1,
      consumerGroups: 2,
      retentionDays: 3,
      zones: 3,
      zonesAssumed: false,
    };
    const estimate = estimateCosts({ workload, answers: WEB_APP_SHOP_ON_AWS, settings: SETTINGS });

    // Kinesis provisioned. Shards = ceil(max(8 MB/s ÷ 1, 8 × 1,024 ÷ 1 = 8,192 records/s ÷ 1,000 = 8.192,
    // 8 × 2 readers ÷ 2 = 8)) = 9.
    //   shard-hours          9 × 730 × $0.015                                   = $98.55
    //   PUT units            2 × 1,024 = 2,048 records/s × 2,628,000 s = 5,382,144,000 units (1 each, ≤ 25 KB)
    //                        5,382.144 million × $0.014                         = $75.350016
    //   retention to 7 days  9 × 730 × $0.02 (3 days > the free 24 h)           = $131.40
    expect(option(estimate, 'kinesis_provisioned')).toMatchObject({ sizing: '9 shards' });
    expect(machines(estimate, 'kinesis_provisioned')).toBeCloseTo(98.55 + 75.350016 + 131.4, 6);

    // Kinesis on-demand. Written: 2 MB/s × 2,628,000 s ÷ 1,024 = 5,132.8125 GB (1 KB records need no rounding).
    //   written   5,132.8125 × $0.08                                              = $410.625
    //   read      2 readers × 5,132.8125 = 10,265.625 GB × $0.04                   = $410.625
    //   stream    730 × $0.04                                                     = $29.20
    //   retention 2 days beyond the first: 2 × 86,400 × 2 ÷ 1,024 = 337.5 GB × $0.10 = $33.75
    expect(machines(estimate, 'kinesis_on_demand')).toBeCloseTo(410.625 + 410.625 + 29.2 + 33.75, 6);

    // MSK provisioned. vCPUs = 8 ÷ 5 + 16 ÷ 15 = 2.67 → 2 brokers; partitions max(6, 8) = 8 → 24 replicas → 1;
    // at least 3 for 3 replicas, a multiple of 3 zones → 3 kafka.m7g.large.
    //   brokers   3 × 730 × $0.204                                                = $446.76
    //   storage   2 × 86,400 × 3 ÷ 1,024 = 506.25 GB × 3 replicas ÷ 0.5 = 3,037.5 GB × $0.10 = $303.75
    expect(option(estimate, 'msk_provisioned')).toMatchObject({ sizing: '3 kafka.m7g.large brokers' });
    expect(machines(estimate, 'msk_provisioned')).toBeCloseTo(446.76 + 303.75, 6);

    // MSK Serverless, within its caps (8 ≤ 200 MB/s in, 16 ≤ 400 MB/s out, 8 ≤ 2,400 partitions).
    //   cluster 730 × $0.75 = $547.50; partitions 8 × 730 × $0.0015 = $8.76;
    //   in 5,132.8125 × $0.10 = $513.28125; out 10,265.625 × $0.05 = $513.28125; storage 506.25 × $0.10 = $50.625
    expect(machines(estimate, 'msk_serverless')).toBeCloseTo(
      547.5 + 8.76 + 513.28125 + 513.28125 + 50.625,
      6,
    );

    // Self-managed Kafka: the same 3 brokers as m7g.large, gp3, and 2 of 3 replicas sent to another zone.
    //   instances  3 × 730 × $0.0816                                              = $178.704
    //   gp3        3,037.5 GB × $0.08                                              = $243
    //   zones      5,132.8125 GB × 2 copies × 2 directions × $0.01                 = $205.3125
    expect(machines(estimate, 'kafka_ec2')).toBeCloseTo(178.704 + 243 + 205.3125, 6);

    // People from the web shop's answers: never ran Kafka (+0.5), no on-call (+0.5), no platform team (+0.25).
    expect(option(estimate, 'kafka_ec2')).toMatchObject({
      peopleFte: 2.25,
      peopleUsd: (2.25 * 200_000) / 12,
      // 6 weeks, +4 never ran Kafka, +2 never used it, +3 little Linux skill.
      setupWeeks: 15,
    });
    expect(option(estimate, 'kinesis_on_demand')).toMatchObject({ peopleFte: 0.05, setupWeeks: 1 });
    expect(option(estimate, 'msk_provisioned')).toMatchObject({ peopleFte: 0.4, setupWeeks: 4 });
    expect(estimate.lowConfidence).toEqual([
      'Kinesis retention up to 7 days',
      'Kinesis on-demand retention beyond 24 hours',
    ]);
  });

  it('a tiny hobby load: 0.05 MB/s average, 0.2 at the peak, 0.5 KB records, 1 reader, 1 day, 1 zone', () => {
    const workload: Workload = {
      avgWriteMbps: 0.05,
      peakWriteMbps: 0.2,
      recordKb: 0.5,
      consumerGroups: 1,
      retentionDays: 1,
      zones: 1,
      zonesAssumed: false,
    };
    const estimate = estimateCosts({ workload, answers: {}, settings: SETTINGS });

    // Kinesis provisioned: one shard is plenty (0.2 MB/s; 409.6 records/s; 0.1 MB/s read).
    //   shard-hours 730 × $0.015 = $10.95
    //   PUT units   0.05 × 1,024 ÷ 0.5 = 102.4 records/s × 2,628,000 = 269,107,200 units × $0.014 / million = $3.7675008
    expect(machines(estimate, 'kinesis_provisioned')).toBeCloseTo(10.95 + 3.7675008, 6);

    // Kinesis on-demand bills each 0.5 KB record as 1 KB: 0.05 × 2,628,000 ÷ 1,024 × 2 = 256.640625 GB.
    //   written 256.640625 × $0.08 = $20.53125; read × 1 reader × $0.04 = $10.265625; stream $29.20
    expect(machines(estimate, 'kinesis_on_demand')).toBeCloseTo(20.53125 + 10.265625 + 29.2, 6);

    // MSK below 1 MB/s at the peak uses kafka.t3.small; MSK spans at least 2 zones, priced on 3 → 3 brokers.
    //   brokers 3 × 730 × $0.0456 = $99.864
    //   storage 0.05 × 86,400 ÷ 1,024 = 4.21875 GB × 3 ÷ 0.5 = 25.3125 GB × $0.10 = $2.53125
    expect(machines(estimate, 'msk_provisioned')).toBeCloseTo(99.864 + 2.53125, 6);

    // Self-managed Kafka in one zone: nothing crosses zones.
    //   instances 3 × 730 × $0.0816 = $178.704; gp3 25.3125 × $0.08 = $2.025
    expect(machines(estimate, 'kafka_ec2')).toBeCloseTo(178.704 + 2.025, 6);

    expect(formatUsd(machines(estimate, 'kinesis_provisioned'))).toBe('$15');
  });

  it('a steady large load of small records in one zone, where self-run Kafka’s machines cost least', () => {
    const workload: Workload = {
      avgWriteMbps: 400,
      peakWriteMbps: 440,
      recordKb: 0.25,
      consumerGroups: 6,
      retentionDays: 1,
      zones: 1,
      zonesAssumed: false,
    };
    const estimate = estimateCosts({ workload, answers: {}, settings: SETTINGS });

    // Kinesis provisioned: records bind. 440 × 1,024 ÷ 0.25 = 1,802,240 records/s ÷ 1,000 = 1,802.24 → 1,803
    // shards (bytes need 440, reads 440 × 6 ÷ 2 = 1,320).
    //   shard-hours 1,803 × 730 × $0.015 = $19,742.85
    //   PUT units   400 × 1,024 ÷ 0.25 = 1,638,400 records/s × 2,628,000 = 4,305,715,200,000 units
    //               4,305,715.2 million × $0.014 = $60,280.0128
    expect(option(estimate, 'kinesis_provisioned')).toMatchObject({ sizing: '1,803 shards' });
    expect(machines(estimate, 'kinesis_provisioned')).toBeCloseTo(19_742.85 + 60_280.0128, 4);

    // MSK: vCPUs = 440 ÷ 5 + 440 × 6 ÷ 15 = 88 + 176 = 264 → 132 brokers (a multiple of 3).
    //   brokers 132 × 730 × $0.204 = $19,657.44
    //   storage 400 × 86,400 ÷ 1,024 = 33,750 GB × 3 ÷ 0.5 = 202,500 GB × $0.10 = $20,250
    expect(machines(estimate, 'msk_provisioned')).toBeCloseTo(19_657.44 + 20_250, 4);
    // Serverless stops at 200 MB/s written.
    expect(option(estimate, 'msk_serverless')).toMatchObject({
      available: false,
      reason: 'peak writes of 440 MB/s are over its 200 MB/s cap',
    });

    // Self-managed Kafka, one zone: 132 × 730 × $0.0816 = $7,862.976; gp3 202,500 × $0.08 = $16,200.
    const selfRun = machines(estimate, 'kafka_ec2');
    expect(selfRun).toBeCloseTo(7_862.976 + 16_200, 4);
    expect(selfRun).toBeLessThan(machines(estimate, 'msk_provisioned'));
    expect(selfRun).toBeLessThan(machines(estimate, 'kinesis_provisioned'));

    // Across three zones the copies between zones cost more than MSK's dearer brokers:
    // 400 × 2,628,000 ÷ 1,024 = 1,026,562.5 GB × 2 copies × 2 directions × $0.01 = $41,062.50.
    const threeZones = estimateCosts({
      workload: { ...workload, zones: 3 },
      answers: {},
      settings: SETTINGS,
    });
    expect(machines(threeZones, 'kafka_ec2')).toBeCloseTo(7_862.976 + 16_200 + 41_062.5, 4);
    expect(machines(threeZones, 'kafka_ec2')).toBeGreaterThan(machines(threeZones, 'msk_provisioned'));
  });
});

describe('the estimate', () => {
  it('reads the workload step, assuming three zones when the answer is missing or "Don\'t know"', () => {
    const answers = answersFor({ availability_zones: 'dont_know' });
    expect(readWorkload(answers)).toEqual({
      avgWriteMbps: 5,
      peakWriteMbps: 10,
      recordKb: 2,
      consumerGroups: 2,
      retentionDays: 7,
      zones: 3,
      zonesAssumed: true,
    });
    expect(readWorkload({ ...answers, retention_days: undefined } as never)).toBeUndefined();
    const estimate = scoreAnswers(answers).cost;
    expect(estimate?.assumptions[0]).toBe(
      '5 MB/s written on average, 10 MB/s at the peak, 2 KB records, 2 reading services, 7 days kept, 3 zones (assumed)',
    );
  });

  it('shows people beside the machines, priced at the engineer cost the operator sets', () => {
    const cheap = scoreAnswers(WEB_APP_SHOP_ON_AWS, { ...SETTINGS, engineerYearlyUsd: 120_000 }).cost;
    if (!cheap) throw new Error('no estimate');
    const selfRun = option(cheap, 'kafka_ec2');
    if (!selfRun.available) throw new Error('self-run Kafka is out');
    expect(selfRun.peopleUsd).toBeCloseTo((2.25 * 120_000) / 12, 6);
    expect(selfRun.totalUsd).toBeCloseTo(selfRun.machinesUsd + selfRun.peopleUsd, 6);
    expect(cheap.assumptions).toContain(
      'People at $120,000 a year per engineer, loaded; a month is 730 hours',
    );
  });

  it('prices a seasoned Kafka team’s own cluster with fewer people', () => {
    const seasoned = answersFor({
      kafka_ops_experience: 'many_years',
      oncall_rotation: 'yes',
      monitoring_maturity: 'strong',
      platform_team: 'dedicated_team',
    });
    const selfRun = option(scoreAnswers(seasoned).cost as CostEstimate, 'kafka_ec2');
    // 1 − 0.25 (many years) − 0.1 (strong monitoring).
    expect(selfRun).toMatchObject({ available: true, peopleFte: 0.65 });
  });

  it('takes MSK Serverless out of the table beyond its caps, and keeps MSK with brokers', () => {
    const reads = scoreAnswers(answersFor({ avg_write_mbps: 100, peak_write_mbps: 150, consumer_groups: 3 }));
    expect(reads.cost && option(reads.cost, 'msk_serverless')).toEqual({
      option: 'msk_serverless',
      platform: 'msk',
      available: false,
      reason: 'peak reads of 450 MB/s are over its 400 MB/s cap',
    });
    expect(reads.cost && option(reads.cost, 'msk_provisioned').available).toBe(true);
    expect(reads.excluded).toEqual([]);
  });

  it('prices nothing on a platform a hard limit took off the table, and says why', () => {
    const verdict = scoreAnswers(answersFor({ avg_record_kb: 2048 }));
    const out = { available: false, reason: 'records of 2,048 KB are over Kinesis’s 1 MB limit' };
    expect(verdict.cost && option(verdict.cost, 'kinesis_provisioned')).toMatchObject(out);
    expect(verdict.cost && option(verdict.cost, 'kinesis_on_demand')).toMatchObject(out);
    expect(verdict.cost && option(verdict.cost, 'msk_provisioned').available).toBe(true);
  });

  it('stays finite and sane at extreme throughput, and says on-demand Kinesis cannot take it', () => {
    const verdict = scoreAnswers(
      answersFor({ avg_write_mbps: 20_000, peak_write_mbps: 50_000, avg_record_kb: 10, consumer_groups: 50 }),
    );
    const estimate = verdict.cost as CostEstimate;
    expect(option(estimate, 'kinesis_on_demand')).toMatchObject({
      available: false,
      reason: 'peak writes of 50,000 MB/s are over on-demand’s 10 GB/s',
    });
    for (const priced of estimate.options) {
      if (!priced.available) continue;
      expect(Number.isFinite(priced.totalUsd), priced.option).toBe(true);
      expect(priced.machinesUsd, priced.option).toBeGreaterThan(100_000);
    }
  });

  it('names the low-confidence prices it used, and only those', () => {
    const oneDay = scoreAnswers(answersFor({ retention_days: 1 })).cost;
    expect(oneDay?.lowConfidence).toEqual([]);
    const month = scoreAnswers(answersFor({ retention_days: 30 })).cost;
    expect(month?.lowConfidence).toEqual([
      'Kinesis retention up to 7 days',
      'Kinesis retention beyond 7 days',
      'Kinesis on-demand retention beyond 24 hours',
    ]);
    expect(month?.pricesAsOf).toBe('2026-10-02');
  });
});

describe('formatUsd', () => {
  it('rounds to what rough inputs justify, never showing cents', () => {
    expect(formatUsd(0.3)).toBe('under $1');
    expect(formatUsd(14.72)).toBe('$15');
    expect(formatUsd(99.4)).toBe('$99');
    expect(formatUsd(627.02)).toBe('$630');
    expect(formatUsd(24_062.98)).toBe('$24,000');
    expect(formatUsd(1_314_029.2)).toBe('$1,300,000');
  });
});
