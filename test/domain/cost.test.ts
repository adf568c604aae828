import { describe, expect, it } from 'vitest';
import { type PricedOption, shownCost } from '../../src/domain/cost.js';
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
import { AWS_SHOP_WANTING_KAFKA, answersFor, WEB_APP_SHOP_ON_AWS } from './fixtures.js';

const SETTINGS = { pricing: DEFAULT_PRICING, engineerYearlyUsd: 200_000 };

/*
 * Hand calculations. Conventions, as the estimate states them: a month is 730 hours = 2,628,000 s; MB = MiB,
 * GB = 1,024 MB, KB = 1,024 bytes. So a month of m MB/s is m × 2,566.40625 GB, d days of it kept is
 * m × d × 84.375 GB, and records/s = MB/s × 1,024 ÷ record KB. Disks hold 3 replicas, half full.
 * Every figure below is a hand calculation; the estimate must land within 1% of it.
 */
const TOLERANCE = 0.01;

function workload(overrides: Partial<Workload>): Workload {
  return {
    avgWriteMbps: 1,
    peakWriteMbps: 1,
    recordKb: 1,
    consumerGroups: 1,
    retentionDays: 1,
    zones: 3,
    zonesAssumed: false,
    kafkaConnect: false,
    ...overrides,
  };
}

function estimate(w: Partial<Workload>, answers = {}): CostEstimate {
  return estimateCosts({ workload: workload(w), answers, settings: SETTINGS });
}

function option(cost: CostEstimate, id: CostOption): OptionCost {
  const found = cost.options.find((candidate) => candidate.option === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function priced(cost: CostEstimate, id: CostOption): PricedOption {
  const found = option(cost, id);
  if (!found.available) throw new Error(`${id} is out: ${found.reason}`);
  return found;
}

/** The design in words and the monthly machine bill within TOLERANCE of the hand calculation. */
function expectDesign(cost: CostEstimate, id: CostOption, design: string, handUsd: number): PricedOption {
  const found = priced(cost, id);
  expect(found.design, id).toBe(design);
  expect(
    Math.abs(found.machinesUsd - handUsd) / handUsd,
    `${id}: ${found.machinesUsd} vs ${handUsd}`,
  ).toBeLessThan(TOLERANCE);
  return found;
}

describe('designs and monthly bills, checked by hand', () => {
  it('1. a hobby trickle: 0.01 MB/s, 1 KB records, 1 reader, 1 day, 1 zone', () => {
    const cost = estimate({ avgWriteMbps: 0.01, peakWriteMbps: 0.05, zones: 1 });
    // One shard. Records are aggregated; 100 ms gathers 0.01 × 1,024 × 0.1 = 1.024 KB, one PUT unit each:
    // 0.01 × 2,628,000 × 1,024 ÷ 1.024 = 26,280,000 units × $0.014/M = $0.37; shard 730 × $0.015 = $10.95.
    expectDesign(cost, 'kinesis_provisioned', '1 shard', 10.95 + 0.368);
    // MSK: 3 × kafka.m7g.large (730 × 3 × $0.204 = $446.76) + 0.844 GB × 6 × $0.10 + producers in other zones
    // 25.66 GB × 2/3 × $0.02 = $0.34. Not kafka.t3.small, which AWS offers for development and testing only: the
    // design's note prices it (730 × 3 × $0.0456 = $99.86) for a test cluster.
    const msk = expectDesign(cost, 'msk_provisioned', '3 × kafka.m7g.large', 446.76 + 0.506 + 0.342);
    expect(msk.notes).toContain(
      'For development and testing, 3 × kafka.t3.small brokers (burstable, not for production) cost about $100 a month before storage',
    );
  });

  it('2. a web shop: 2 MB/s, 8 at the peak, 1 KB records, 2 readers, 3 days', () => {
    const cost = estimate({ avgWriteMbps: 2, peakWriteMbps: 8, consumerGroups: 2, retentionDays: 3 });
    // 8 shards for the peak's bytes (aggregated, so records/s do not bind); 2 readers × 8 MB/s ÷ 2 = 8 for reads.
    // 100 ms gathers 2 × 102.4 ÷ 8 = 25.6 KB → records of one 25 KB unit: 5,132.8 GB × 1,048,576 ÷ 25 = 215.3 M
    // units × $0.014 = $3.01; shards 8 × 730 × $0.015 = $87.60; retention to 7 days 8 × 730 × $0.02 = $116.80.
    expectDesign(cost, 'kinesis_provisioned', '8 shards, 2 readers polling', 87.6 + 3.014 + 116.8);
    // On-demand: written 5,132.8 GB × $0.08 = $410.63, read ×2 × $0.04 = $410.63, stream $29.20,
    // retention beyond 24 h: 2 days × 168.75 GB = 337.5 GB × $0.10 = $33.75.
    expectDesign(
      cost,
      'kinesis_on_demand',
      'one stream, 2 readers polling',
      410.625 + 410.625 + 29.2 + 33.75,
    );
  });

  it('3. small records at 10 MB/s: 0.1 KB, producers aggregate', () => {
    const cost = estimate({ avgWriteMbps: 10, peakWriteMbps: 10, recordKb: 0.1 });
    // Unaggregated this would be 102,400 records/s → 103 shards and $3,800 of PUT units. Aggregated: 10 shards;
    // 100 ms gathers 102.4 KB per shard → 100 KB records of 4 units: 25,664 GB × 1,048,576 ÷ 25 = 1,076 M units
    // × $0.014 = $15.07; shards 10 × 730 × $0.015 = $109.50. About $125.
    const kinesis = expectDesign(cost, 'kinesis_provisioned', '10 shards', 109.5 + 15.07);
    expect(kinesis.notes.join(' ')).toContain('Producers aggregate the 0.1 KB records');
    // The packing is one producer's: the note says what many producers change.
    expect(kinesis.notes.join(' ')).toContain('many producer hosts each pack less');
  });

  it('4. 0.1 KB records at 1 GB/s, 2 readers, 1 day', () => {
    const cost = estimate({ avgWriteMbps: 1000, peakWriteMbps: 1000, recordKb: 0.1, consumerGroups: 2 });
    // 1,000 shards ($10,950); 102.4 KB gathered per shard → 100 KB records: 2,566,406 GB ÷ 25 KB = 107,643 M units
    // × $0.014 = $1,507.
    expectDesign(cost, 'kinesis_provisioned', '1,000 shards, 2 readers polling', 10_950 + 1507);
    // MSK: vCPUs max(1,000 ÷ 5, 2,000 ÷ 15) = 200; disk 84,375 GB × 6 = 506,250 GB ÷ 16,384 = 31 brokers at least.
    // 2xlarge: 33 brokers (264 vCPUs), xlarge: 51 (204 vCPUs): both past 30, so the cheaper, 51 × xlarge:
    // 51 × 730 × $0.204 × 2 = $15,190; storage 506,250 × $0.10 = $50,625; producers 2,566,406 × 2/3 × $0.02 = $34,219.
    expectDesign(cost, 'msk_provisioned', '51 × kafka.m7g.xlarge', 15_190.3 + 50_625 + 34_218.75);
    expect(option(cost, 'msk_serverless')).toMatchObject({
      available: false,
      reason: 'peak writes of 1,000 MB/s are over its 200 MB/s cap',
    });
  });

  it('5. 1 GB/s of 1 KB records kept 3 days: large brokers cannot hold it, tiered storage can', () => {
    const cost = estimate({ avgWriteMbps: 1000, peakWriteMbps: 1000, consumerGroups: 2, retentionDays: 3 });
    // All on disk: 253,125 GB × 6 = 1,518,750 GB → 93 brokers, past 60. Tiered after 12 h: 42,187.5 GB × 6 =
    // 253,125 GB of disk → 16 brokers; 200 vCPUs → 25 × 2xlarge → 27 for 3 zones (xlarge would be 51).
    // 27 × 730 × $0.204 × 4 = $16,083; disk 253,125 × $0.10 = $25,313; tier 253,125 × $0.06 = $15,188;
    // producers $34,219.
    expectDesign(
      cost,
      'msk_provisioned',
      '27 × kafka.m7g.2xlarge, tiered storage after 12 h',
      16_082.64 + 25_312.5 + 15_187.5 + 34_218.75,
    );
  });

  it('6. 50 MB/s kept 365 days: tiered storage, not 600 TB of disk a broker', () => {
    const cost = estimate({
      avgWriteMbps: 50,
      peakWriteMbps: 100,
      recordKb: 2,
      consumerGroups: 3,
      retentionDays: 365,
    });
    // vCPUs max(100 ÷ 5, 300 ÷ 15) = 20 → 3 × 2xlarge (the same 24 vCPUs as 6 × xlarge or 12 × large: fewer wins).
    // 3 × 730 × $0.204 × 4 = $1,787; disk 2,109 GB × 6 × $0.10 = $1,266; tier 1,539,844 GB × $0.06 = $92,391;
    // producers 128,320 GB × 2/3 × $0.02 = $1,711.
    expectDesign(
      cost,
      'msk_provisioned',
      '3 × kafka.m7g.2xlarge, tiered storage after 12 h',
      1787.04 + 1265.625 + 92_390.625 + 1710.94,
    );
    // Self-run: 3 × m7g.2xlarge $714.82 + KRaft 3 × $59.57 = $178.70; gp3 12,656 GB × $0.08 = $1,012.50;
    // S3 1,539,844 × $0.023 = $35,416; replication 128,320 × 2 × 2 × $0.01 = $5,133; producers $1,711.
    expectDesign(
      cost,
      'kafka_ec2',
      '3 × m7g.2xlarge + 3 KRaft controllers, tiered storage in S3 after 12 h',
      714.82 + 178.7 + 1012.5 + 35_416.41 + 5132.81 + 1710.94,
    );
    // Kinesis: 150 shards (3 readers × 100 MB/s ÷ 2); $1,642.50 shards; $2,190 retention to 7 days;
    // 358 days × 4,218.75 GB = 1,510,312.5 GB × $0.023 = $34,737; PUT 128,320 GB ÷ 25 KB = 5,382 M × $0.014 = $75.
    expectDesign(
      cost,
      'kinesis_provisioned',
      '150 shards, 3 readers polling',
      1642.5 + 2190 + 34_737.19 + 75.35,
    );
    for (const id of ['msk_provisioned', 'kafka_ec2'] as const) {
      expect(priced(cost, id).machinesUsd).toBeLessThan(100_000);
    }
    // A replay of what is kept beyond 7 days is said, not billed: 1,510,312.5 GB × $0.021 = $31,717.
    expect(priced(cost, 'kinesis_provisioned').notes).toContain(
      'Reading records older than 7 days costs $0.021 a GB on top: one replay of all 1,510,313 GB kept beyond 7 days, about $32,000',
    );
  });

  it('7. 40 services reading every record: enhanced fan-out, two streams', () => {
    const cost = estimate({ avgWriteMbps: 2, peakWriteMbps: 8, consumerGroups: 40 });
    // A stream serves 5 polling + 20 fan-out readers, so 2 streams of 20. Each: 8 shards ($87.60), PUT $3.01,
    // 18 fan-out readers × 8 shards × 730 × $0.015 = $1,576.80 and 18 × 5,132.8 GB × $0.013 = $1,201.08.
    expectDesign(
      cost,
      'kinesis_provisioned',
      '2 streams of 8 shards, 2 polling + 18 on enhanced fan-out',
      2 * (87.6 + 3.014 + 1576.8 + 1201.08),
    );
    // MSK: vCPUs max(1.6, 320 ÷ 15 = 21.3): 3 × 2xlarge ($1,787) + disk 168.75 × 6 × $0.10 = $101 + producers $68.
    expectDesign(cost, 'msk_provisioned', '3 × kafka.m7g.2xlarge', 1787.04 + 101.25 + 68.44);
  });

  it('7b. 25 services at a 20 MB/s peak: one stream, 5 polling and 20 on enhanced fan-out', () => {
    const cost = estimate({ avgWriteMbps: 10, peakWriteMbps: 20, consumerGroups: 25 });
    // One stream holds 5 polling + 20 fan-out readers. 5 polling readers share 2 MB/s a shard: 20 × 5 ÷ 2 = 50
    // shards, 50 × 730 × $0.015 = $547.50; 100 ms gathers 10 × 1,024 × 0.1 ÷ 50 = 20.48 KB, one PUT unit:
    // 25,664.06 GB × 1,048,576 ÷ 20.48 KB = 1,314 M units × $0.014 = $18.40; fan-out 20 × 50 × 730 × $0.015 =
    // $10,950 and 20 × 25,664.06 GB × $0.013 = $6,672.66. No second stream is added to save fan-out: producers
    // writing every record four times (the old design, $6,669 before the copies) is not a design AWS offers.
    const kinesis = expectDesign(
      cost,
      'kinesis_provisioned',
      '50 shards, 5 polling + 20 on enhanced fan-out',
      547.5 + 18.4 + 10950 + 6672.66,
    );
    expect(kinesis.notes.join(' ')).not.toContain('Every record is written to');
  });

  it('7c. 10 services at a 150 MB/s peak: one stream, 2 polling and 8 on fan-out', () => {
    const cost = estimate({ avgWriteMbps: 100, peakWriteMbps: 150, consumerGroups: 10, retentionDays: 7 });
    // One stream of 150 shards: 150 × 730 × ($0.015 + $0.02 for 7 days) = $3,832.50; 2 polling readers take 2 × 150
    // ÷ 2 = 150 shards, so the 8 others are on fan-out: 8 × 150 × 730 × $0.015 = $13,140 and 8 × 256,640.6 GB ×
    // $0.013 = $26,690.63. 100 ms gathers 100 × 1,024 × 0.1 ÷ 150 = 68.3 KB, packed in whole PUT units (25 KB):
    // 256,640.6 GB × 1,048,576 ÷ 25 KB = 10,765 M units × $0.014 = $150.70. Polling more readers costs more: 3 take
    // 225 shards ($5,748.75) and still leave 7 on fan-out ($17,246.25 + $23,354.30), $46,500 in all.
    expectDesign(
      cost,
      'kinesis_provisioned',
      '150 shards, 2 polling + 8 on enhanced fan-out',
      3832.5 + 13140 + 26690.63 + 150.7,
    );
  });

  it('8. 60 reading services: three streams', () => {
    const cost = estimate({ avgWriteMbps: 5, peakWriteMbps: 10, consumerGroups: 60 });
    // 3 streams of 20 readers: 10 shards each ($109.50), PUT 12,832 GB ÷ 25 KB = 538 M × $0.014 = $7.54,
    // 18 fan-out × 10 × 730 × $0.015 = $1,971, 18 × 12,832 GB × $0.013 = $3,002.70.
    const kinesis = expectDesign(
      cost,
      'kinesis_provisioned',
      '3 streams of 10 shards, 2 polling + 18 on enhanced fan-out',
      3 * (109.5 + 7.535 + 1971 + 3002.7),
    );
    expect(kinesis.notes.join(' ')).toContain('every record is written to 3 streams');
    // MSK: vCPUs max(2, 600 ÷ 15) = 40; egress 10 × 62 = 620 MB/s. 21 × large (42 vCPUs) has the cheapest
    // machines, $3,127, but 21 brokers take log2(21 ÷ 3) × 0.04 engineers more looking after than 3 ($1,871 at
    // $200,000 a year): 3 × 4xlarge (48 vCPUs, 207 MB/s out of each) at 3 × 730 × $0.204 × 8 = $3,574 wins;
    // disk 421.9 × 6 × $0.10 = $253; producers $171.
    expectDesign(cost, 'msk_provisioned', '3 × kafka.m7g.4xlarge', 3574.08 + 253.125 + 171.09);
  });

  it('9. 4 MB records: Kinesis takes them since 2025, with a note', () => {
    const cost = estimate({ avgWriteMbps: 10, peakWriteMbps: 20, recordKb: 4096, consumerGroups: 2 });
    // 20 shards ($219); 164 units a record: 6,570,000 records × 164 = 1,077 M units × $0.014 = $15.08.
    const kinesis = expectDesign(cost, 'kinesis_provisioned', '20 shards, 2 readers polling', 219 + 15.08);
    expect(kinesis.notes.join(' ')).toContain('need the stream’s maximum record size raised');
    expect(option(cost, 'msk_serverless').available).toBe(true);
  });

  it('10. 9 MB records: Kinesis yes, MSK Serverless no (8 MiB)', () => {
    const cost = estimate({ avgWriteMbps: 10, peakWriteMbps: 20, recordKb: 9216 });
    expect(option(cost, 'kinesis_provisioned').available).toBe(true);
    expect(option(cost, 'msk_serverless')).toMatchObject({
      available: false,
      reason: 'records of 9 MB are over its 8 MiB limit',
    });
  });

  it('11. 50 MB records: Kinesis out, with what practitioners do instead', () => {
    const cost = estimate({ avgWriteMbps: 10, peakWriteMbps: 20, recordKb: 51_200 });
    const reason =
      'records of 50 MB are over its 10 MiB maximum (keep such payloads in S3 and stream a pointer)';
    expect(option(cost, 'kinesis_provisioned')).toMatchObject({ available: false, reason });
    expect(option(cost, 'kinesis_on_demand')).toMatchObject({ available: false, reason });
    expect(option(cost, 'msk_provisioned').available).toBe(true);
  });

  it('12. 2 GB/s kept a day: past one Standard cluster, within Express brokers', () => {
    const cost = estimate({ avgWriteMbps: 2000, peakWriteMbps: 2000, recordKb: 10 });
    // Disk 168,750 GB × 6 = 1,012,500 GB ÷ 16,384 = 62 brokers: more than 60, and 1 day is under MSK's 3-day floor
    // for tiered topics.
    expect(option(cost, 'msk_provisioned')).toMatchObject({ available: false });
    // Kafka's own tiered storage has no such floor: the last 12 h on disk, 84,375 GB × 6 = 506,250 GB (31 brokers
    // at 16 TiB), and 2,000 ÷ 5 = 400 vCPUs: 51 × 2xlarge = 51 × 730 × $0.0816 × 4 = $12,151.87; KRaft $178.70;
    // gp3 506,250 × $0.08 = $40,500; S3 168,750 × $0.023 = $3,881.25; replication 5,132,812 GB × 2 × $0.02 =
    // $205,312.50; producers × 2/3 × $0.02 = $68,437.50.
    expectDesign(
      cost,
      'kafka_ec2',
      '51 × m7g.2xlarge + 3 KRaft controllers, tiered storage in S3 after 12 h',
      12_151.87 + 178.7 + 40_500 + 3881.25 + 205_312.5 + 68_437.5,
    );
    // Express: 2,000 ÷ (15.6 × 24) = 5.3 → 6 × 12xlarge (16xlarge would also need 6): 6 × 730 × $0.408 × 24 =
    // $42,889; written 5,132,812 GB × $0.01 = $51,328; storage 168,750 × $0.10 = $16,875; producers × 2/3 × $0.02
    // = $68,438.
    expectDesign(cost, 'msk_express', '6 × express.m7g.12xlarge', 42_888.96 + 51_328.13 + 16_875 + 68_437.5);
    // Kinesis: 2,000 shards = $21,900, within the account's 20,000.
    expect(priced(cost, 'kinesis_provisioned').units).toBe(2000);
  });

  it('13. a year of a small stream: 1 MB/s, 2 at the peak, kept 365 days', () => {
    const cost = estimate({ avgWriteMbps: 1, peakWriteMbps: 2, retentionDays: 365 });
    // Kinesis: 2 shards $21.90, retention to 7 days 2 × 730 × $0.02 = $29.20, 358 × 84.375 GB = 30,206 GB × $0.023 =
    // $694.74; 100 ms gathers 51.2 KB → 50 KB records: 2,566 GB ÷ 25 KB = 107.6 M units × $0.014 = $1.51.
    expectDesign(cost, 'kinesis_provisioned', '2 shards', 21.9 + 29.2 + 694.74 + 1.51);
    // MSK: 3 × large ($446.76) tiered: disk 42.19 × 6 × $0.10 = $25.31; tier 30,797 GB × $0.06 = $1,847.81;
    // producers 2,566 × 2/3 × $0.02 = $34.22.
    expectDesign(
      cost,
      'msk_provisioned',
      '3 × kafka.m7g.large, tiered storage after 12 h',
      446.76 + 25.31 + 1847.81 + 34.22,
    );
  });

  it('14. 30 MB/s on On-demand Advantage, cheaper than on-demand standard', () => {
    const cost = estimate({ avgWriteMbps: 30, peakWriteMbps: 40, recordKb: 5, consumerGroups: 2 });
    // 76,992 GB written × $0.032 = $2,463.75, read twice × $0.016 = $2,463.75; no stream-hour.
    expectDesign(cost, 'kinesis_advantage', 'one stream, 2 readers polling', 2463.75 + 2463.75);
    // Standard: $29.20 + 76,992 × $0.08 = $6,159.38 + 2 × 76,992 × $0.04 = $6,159.38.
    expectDesign(cost, 'kinesis_on_demand', 'one stream, 2 readers polling', 29.2 + 6159.38 + 6159.38);
    expect(option(estimate({ avgWriteMbps: 5 }), 'kinesis_advantage').available).toBe(false);
    // Kept 7 days: 6 days of 30 MB/s stored, 30 × 6 × 84.375 = 15,187.5 GB, at Advantage's $0.04 a GB-month (60%
    // below standard's $0.10, as its ingest and reads are): $607.50, not $1,518.75.
    const week = estimate({
      avgWriteMbps: 30,
      peakWriteMbps: 40,
      recordKb: 5,
      consumerGroups: 2,
      retentionDays: 7,
    });
    expectDesign(week, 'kinesis_advantage', 'one stream, 2 readers polling', 2463.75 + 2463.75 + 607.5);
  });

  it('14b. a very spiky stream of 2 KB records on demand: each record billed as the 2 KB it is', () => {
    const cost = estimate({ avgWriteMbps: 2, peakWriteMbps: 100, recordKb: 2, consumerGroups: 2 });
    // 2 MB/s × 2,628,000 s ÷ 1024 = 5,132.8 GB; whole kilobytes already, so nothing is rounded up (packing them
    // at the peak's 100 shards would make 2.05 KB records, billed as 3 KB). $29.20 + 5,132.8 × $0.08 = $410.63
    // written + 2 × 5,132.8 × $0.04 = $410.63 read.
    expectDesign(cost, 'kinesis_on_demand', 'one stream, 2 readers polling', 29.2 + 410.63 + 410.63);
    // 0.5 KB records are packed: 2 × 102.4 ÷ 100 shards = 2.05 KB each, billed 3 KB: × 1.46 on both.
    const small = estimate({ avgWriteMbps: 2, peakWriteMbps: 100, recordKb: 0.5, consumerGroups: 2 });
    expectDesign(small, 'kinesis_on_demand', 'one stream, 2 readers polling', 29.2 + 821.25 * (3 / 2.048));
  });

  it('15. 100 MB/s, 5 readers, 30 days on your own brokers', () => {
    const cost = estimate({
      avgWriteMbps: 100,
      peakWriteMbps: 100,
      recordKb: 10,
      consumerGroups: 5,
      retentionDays: 30,
    });
    // All on disk: 1,518,750 GB → 93 brokers, too many. Tiered: 25,312.5 GB of disk; vCPUs max(20, 33.3);
    // egress 100 × 7 = 700 MB/s. 9 × xlarge (36 vCPUs) has the cheapest machines, $1,072.22, but 9 brokers of your
    // own take log2(9 ÷ 3) × 0.15 engineers more than 3 ($3,962 a month): 3 × 4xlarge (48 vCPUs, 233 MB/s out of
    // each) at 3 × 730 × $0.0816 × 8 = $1,429.63 wins; KRaft $178.70; gp3 25,312.5 × $0.08 = $2,025;
    // S3 253,125 × $0.023 = $5,821.88; replication 256,641 GB × 2 × 2 × $0.01 = $10,265.63; producers
    // 256,641 × 2/3 × $0.02 = $3,421.88.
    expectDesign(
      cost,
      'kafka_ec2',
      '3 × m7g.4xlarge + 3 KRaft controllers, tiered storage in S3 after 12 h',
      1429.63 + 178.7 + 2025 + 5821.88 + 10_265.63 + 3421.88,
    );
  });

  it('16. 400 MB/s steady in one zone: no traffic between zones for your own cluster', () => {
    const cost = estimate({ avgWriteMbps: 400, peakWriteMbps: 400, recordKb: 0.25, zones: 1 });
    // vCPUs 80. All on disk, 33,750 × 6 = 202,500 GB takes 13 brokers ($19,476 as 13 × 2xlarge). Tiered after
    // 12 h (Kafka's own tiered storage has no 3-day floor): 16,875 × 6 = 101,250 GB → 7 brokers at 16 TiB, and
    // 7 × 4xlarge hold the 80 vCPUs: 7 × 730 × $0.0816 × 8 = $3,335.81; KRaft $178.70; gp3 101,250 × $0.08 =
    // $8,100; 1,200 MB/s in ÷ 7 = 171 MB/s a disk, 46 MiB/s over gp3's 125 × $0.04 × 7 ≈ $13; S3 33,750 × $0.023
    // = $776.25.
    const selfRun = expectDesign(
      cost,
      'kafka_ec2',
      '7 × m7g.4xlarge + 3 KRaft controllers, tiered storage in S3 after 12 h',
      3335.81 + 178.7 + 8100 + 13 + 776.25,
    );
    expect(selfRun.items.map((item) => item.what)).not.toContain('replication between zones');
  });

  it('17. a team that runs Kafka Connect pays for its workers on the Kafka options', () => {
    const without = estimate({ avgWriteMbps: 2, peakWriteMbps: 8 });
    const withConnect = estimate({ avgWriteMbps: 2, peakWriteMbps: 8, kafkaConnect: true });
    // Two m7g.large of your own: 2 × 730 × $0.0816 = $119.14; MSK Connect 2 workers × 2 units × 730 × $0.11 = $321.20.
    const delta = (id: CostOption) => priced(withConnect, id).machinesUsd - priced(without, id).machinesUsd;
    expect(delta('kafka_ec2')).toBeCloseTo(119.136, 6);
    expect(delta('msk_provisioned')).toBeCloseTo(321.2, 6);
    expect(delta('kinesis_provisioned')).toBe(0);
  });
});

describe('people', () => {
  it('a hobby stream does not take two engineers', () => {
    const cost = estimate(
      { avgWriteMbps: 0.01, peakWriteMbps: 0.05, zones: 1 },
      {
        downtime_cost: 'little',
        kafka_ops_experience: 'never',
        oncall_rotation: 'no',
        monitoring_maturity: 'little',
        platform_team: 'none',
      },
    );
    // 0.25 floor × 1.6 never ran Kafka × 1.25 little monitoring × 1.2 no platform team × 0.6 an outage costs little.
    expect(priced(cost, 'kafka_ec2').peopleFte).toBe(0.36);
  });

  it('never takes a team that knows Kafka below the floor for a team that knows it', () => {
    const veterans = {
      downtime_cost: 'little',
      kafka_ops_experience: 'many_years',
      monitoring_maturity: 'strong',
      platform_team: 'dedicated_team',
    };
    // 0.25 × 0.8 × 0.9 × 0.9 × 0.6 = 0.10 once: the floor is already what a team that knows its cluster takes.
    expect(priced(estimate({ avgWriteMbps: 1, peakWriteMbps: 2 }, veterans), 'kafka_ec2').peopleFte).toBe(
      0.25,
    );
    expect(
      priced(estimate({ avgWriteMbps: 1, peakWriteMbps: 2 }, veterans), 'msk_provisioned').peopleFte,
    ).toBe(0.1);
    // Above the floor the fleet's share still shrinks with skill: 13 brokers are log2(13 ÷ 3) doublings of 0.15.
    const big = estimate(
      { avgWriteMbps: 400, peakWriteMbps: 400, recordKb: 0.25, zones: 1, retentionDays: 7 },
      {
        ...veterans,
        downtime_cost: 'annoyed_users',
      },
    );
    const selfRun = priced(big, 'kafka_ec2');
    expect(selfRun.peopleFte).toBeGreaterThan(0.25);
    expect(selfRun.peopleFte).toBeLessThan(0.25 + 0.15 * Math.log2(selfRun.units / 3));
  });

  it('a web shop with expensive outages and no pager carries the rotation it lacks', () => {
    const cost = estimateCosts({
      workload: workload({ avgWriteMbps: 2, peakWriteMbps: 8 }),
      answers: WEB_APP_SHOP_ON_AWS,
      settings: SETTINGS,
    });
    // 0.25 × 1.6 never × 1.2 no platform team × 1.3 lost revenue = 0.624, + 0.5 for a rotation that does not exist.
    expect(priced(cost, 'kafka_ec2')).toMatchObject({ peopleFte: 1.12, setupWeeks: 15 });
    // 0.1 × 1.3 × 1.1 × 1.3 = 0.186, + 0.1.
    expect(priced(cost, 'msk_provisioned').peopleFte).toBe(0.29);
    expect(priced(cost, 'kinesis_on_demand').peopleFte).toBe(0.04);
  });

  it('grows with the fleet', () => {
    const answers = answersFor();
    const small = estimateCosts({ workload: workload({}), answers, settings: SETTINGS });
    const large = estimateCosts({
      workload: workload({ avgWriteMbps: 400, peakWriteMbps: 400, recordKb: 0.25 }),
      answers,
      settings: SETTINGS,
    });
    expect(priced(large, 'kafka_ec2').peopleFte).toBeGreaterThan(priced(small, 'kafka_ec2').peopleFte + 0.2);
  });

  it('is priced at the engineer cost the operator sets, beside the machines', () => {
    const cheap = scoreAnswers(WEB_APP_SHOP_ON_AWS, { ...SETTINGS, engineerYearlyUsd: 120_000 }).cost;
    if (!cheap) throw new Error('no estimate');
    const selfRun = priced(cheap, 'kafka_ec2');
    expect(selfRun.peopleUsd).toBeCloseTo((1.12 * 120_000) / 12, 6);
    expect(selfRun.totalUsd).toBeCloseTo(selfRun.machinesUsd + selfRun.peopleUsd, 6);
    expect(cheap.assumptions.some((line) => line.startsWith('People at $120,000 a year per engineer'))).toBe(
      true,
    );
  });
});

describe('the estimate', () => {
  it('lists no sizing rule or low-confidence price of a platform the answers rule out', () => {
    const busy = answersFor({ avg_write_mbps: 30, peak_write_mbps: 60 });
    const open = scoreAnswers(busy).cost;
    expect(open?.assumptions.some((line) => line.startsWith('Kinesis: shards'))).toBe(true);
    expect(open?.lowConfidence.some((label) => label.startsWith('Kinesis'))).toBe(true);
    // The stream must speak the Kafka API: Kinesis is out, and said to be out, with the limit's reason.
    const kafkaOnly = scoreAnswers({ ...busy, kafka_api_need: 'must' }).cost;
    const kinesis = kafkaOnly?.options.filter((option) => option.platform === 'kinesis') ?? [];
    expect(kinesis).toHaveLength(3);
    for (const option of kinesis) {
      expect(option).toMatchObject({ available: false, reason: expect.stringContaining('Kafka API') });
    }
    expect(kafkaOnly?.assumptions.some((line) => line.startsWith('Kinesis'))).toBe(false);
    expect(kafkaOnly?.lowConfidence.some((label) => label.startsWith('Kinesis'))).toBe(false);
    expect(kafkaOnly?.assumptions.some((line) => line.startsWith('Kafka and MSK:'))).toBe(true);
  });

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
      kafkaConnect: false,
    });
    expect(readWorkload(AWS_SHOP_WANTING_KAFKA)?.kafkaConnect).toBe(true);
    expect(readWorkload({ ...answers, retention_days: undefined } as never)).toBeUndefined();
    expect(scoreAnswers(answers).cost?.assumptions[0]).toBe(
      '5 MB/s written on average, 10 MB/s at the peak, 2 KB records, 2 reading services, 7 days kept, 3 zones (assumed)',
    );
  });

  it('states fetch-from-follower as an assumption, with what reads between zones would cost without it', () => {
    const cost = estimate({ avgWriteMbps: 2, peakWriteMbps: 8, consumerGroups: 2 });
    // 5,132.8 GB × 2 readers × 2/3 × $0.02 = $136.88.
    expect(priced(cost, 'msk_provisioned').notes).toContain(
      'Readers fetch from a replica in their own zone (fetch-from-follower, client.rack); without it, reads between zones would add about $137 a month',
    );
  });

  it('says the figures are an AWS stand-in for a team that runs elsewhere', () => {
    const verdict = scoreAnswers(answersFor({ where_you_run: 'not_aws' }));
    expect(verdict.cost?.assumptions.join(' ')).toContain('AWS list prices as a stand-in');
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
    const verdict = scoreAnswers(answersFor({ avg_record_kb: 20_480 }));
    const reason =
      'records of 20 MB are over Kinesis’s 10 MiB maximum; teams with payloads this large keep them in S3 and stream a pointer';
    expect(verdict.excluded).toEqual([{ platform: 'kinesis', reason }]);
    expect(verdict.cost && option(verdict.cost, 'kinesis_provisioned')).toMatchObject({
      available: false,
      reason,
    });
    expect(verdict.cost && option(verdict.cost, 'msk_provisioned').available).toBe(true);
  });

  it('stays finite and sane at extreme throughput, and says on-demand Kinesis cannot take it', () => {
    const verdict = scoreAnswers(
      answersFor({ avg_write_mbps: 20_000, peak_write_mbps: 50_000, avg_record_kb: 10, consumer_groups: 50 }),
    );
    const cost = verdict.cost as CostEstimate;
    expect(option(cost, 'kinesis_on_demand')).toMatchObject({
      available: false,
      reason: 'peak writes of 50,000 MB/s are over on-demand’s 10 GB/s',
    });
    for (const each of cost.options) {
      if (!each.available) continue;
      expect(Number.isFinite(each.totalUsd), each.option).toBe(true);
      expect(each.machinesUsd, each.option).toBeGreaterThan(100_000);
    }
  });

  it('names the low-confidence prices it used, and only those', () => {
    const kinesisOnly = estimate({ avgWriteMbps: 2, peakWriteMbps: 4, retentionDays: 30 });
    expect(kinesisOnly.lowConfidence).toEqual(['MSK Express storage']);
    const connect = estimate({ avgWriteMbps: 40, peakWriteMbps: 40, kafkaConnect: true });
    expect(connect.lowConfidence).toEqual([
      'Kinesis On-demand Advantage data read',
      'MSK Connect worker unit-hour (1 vCPU, 4 GiB)',
      'MSK Express storage',
    ]);
    expect(connect.pricesAsOf).toBe('2026-12-01');
  });

  it('shows parts that add up to the total it shows, and to the total the rounded figures are read from', () => {
    // Machines about $52 and people about $1,700 are shown to the dollar and add up, never "= $1,700". Parts
    // rounded to two figures each once summed to $6,200 beside "MSK $6,300" in the channel.
    for (const workload of [
      { avgWriteMbps: 0.05, peakWriteMbps: 0.2, recordKb: 0.5 },
      { avgWriteMbps: 40, peakWriteMbps: 90, recordKb: 2 },
      { avgWriteMbps: 300, peakWriteMbps: 700, recordKb: 4, retentionDays: 30 },
    ]) {
      const cost = estimate(workload, answersFor());
      for (const each of cost.options) {
        if (!each.available) continue;
        const shown = shownCost(each);
        expect(shown.items.reduce((sum, item) => sum + item.usd, 0)).toBe(shown.machinesUsd);
        expect(shown.machinesUsd + shown.peopleUsd).toBe(shown.totalUsd);
        expect(Math.abs(shown.totalUsd - each.totalUsd)).toBeLessThanOrEqual((each.items.length + 1) / 2);
      }
    }
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
