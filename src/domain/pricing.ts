/**
 * The prices and capacity facts behind the monthly cost estimate: one dated table, each figure with where it came
 * from and how sure we are of it (docs/pricing.md). Public list prices, US East (N. Virginia), on-demand.
 *
 * Operators can replace any price with their own (a negotiated discount, another region) through a JSON file that
 * `pricingOverrideSchema` checks; reading that file is the caller's business, so this module stays pure.
 */
import { z } from 'zod';

export type FigureConfidence = 'high' | 'medium' | 'low';

export interface PriceFigure {
  /** US dollars per `unit`. */
  usd: number;
  unit: string;
  /** What the figure is, in a few words a reader of the verdict understands. */
  label: string;
  source: string;
  confidence: FigureConfidence;
}

export const PRICE_KEYS = [
  'kinesisShardHour',
  'kinesisPutUnitsPerMillion',
  'kinesisExtendedRetentionShardHour',
  'kinesisLongTermRetentionGbMonth',
  'kinesisLongTermRetrievalGb',
  'kinesisEfoConsumerShardHour',
  'kinesisEfoGbRead',
  'kinesisOnDemandStreamHour',
  'kinesisOnDemandGbWritten',
  'kinesisOnDemandGbRead',
  'kinesisOnDemandEfoGbRead',
  'kinesisOnDemandExtendedRetentionGbMonth',
  'kinesisAdvantageGbWritten',
  'kinesisAdvantageGbRead',
  'kinesisAdvantageEfoGbRead',
  'kinesisAdvantageExtendedRetentionGbMonth',
  'mskT3SmallBrokerHour',
  'mskM7gLargeBrokerHour',
  'mskStorageGbMonth',
  'mskTieredStorageGbMonth',
  'mskExpressM7gLargeBrokerHour',
  'mskExpressGbWritten',
  'mskExpressStorageGbMonth',
  'mskServerlessClusterHour',
  'mskServerlessPartitionHour',
  'mskServerlessGbIn',
  'mskServerlessGbOut',
  'mskConnectMcuHour',
  'ec2M7gLargeHour',
  'gp3GbMonth',
  'gp3ThroughputMibpsMonth',
  's3StandardGbMonth',
  'crossAzGbEachWay',
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

export interface PriceTable {
  /** The day the prices were read, YYYY-MM-DD. */
  asOf: string;
  region: string;
  prices: Record<PriceKey, PriceFigure>;
}

/** Where the figures are written down, with their sources, in this repository. */
export const PRICING_DOC = 'docs/pricing.md';
const AWS_PRICE_LIST = `AWS price list as read 2026-10-02, repeated by many third parties (${PRICING_DOC})`;
const CHECKED = `checked against AWS's documentation and price list on 2026-12-01 (${PRICING_DOC}, corrections)`;
const THIRD_PARTY = `third-party copies of AWS's price list (${PRICING_DOC}, corrections)`;
const DERIVED_ADVANTAGE = `not published: AWS says On-demand Advantage is "at least 60% lower" than on-demand standard, so 40% of it is used (${PRICING_DOC})`;

function figure(
  usd: number,
  unit: string,
  label: string,
  source: string,
  confidence: FigureConfidence,
): PriceFigure {
  return { usd, unit, label, source, confidence };
}

export const DEFAULT_PRICING: PriceTable = {
  asOf: '2026-12-01',
  region: 'US East (N. Virginia)',
  prices: {
    kinesisShardHour: figure(0.015, 'shard-hour', 'Kinesis shard-hour', AWS_PRICE_LIST, 'medium'),
    kinesisPutUnitsPerMillion: figure(
      0.014,
      'million PUT payload units',
      'Kinesis PUT payload units',
      `unit rule from AWS's pricing page, price as read by third parties (${PRICING_DOC})`,
      'medium',
    ),
    kinesisExtendedRetentionShardHour: figure(
      0.02,
      'shard-hour',
      'Kinesis retention up to 7 days',
      CHECKED,
      'high',
    ),
    kinesisLongTermRetentionGbMonth: figure(
      0.023,
      'GB-month',
      'Kinesis retention beyond 7 days',
      CHECKED,
      'high',
    ),
    kinesisLongTermRetrievalGb: figure(
      0.021,
      'GB read',
      'Kinesis reads of records older than 7 days',
      CHECKED,
      'high',
    ),
    kinesisEfoConsumerShardHour: figure(
      0.015,
      'consumer-shard-hour',
      'Kinesis enhanced fan-out consumer-shard-hour',
      CHECKED,
      'high',
    ),
    kinesisEfoGbRead: figure(0.013, 'GB read', 'Kinesis enhanced fan-out data read', CHECKED, 'high'),
    kinesisOnDemandStreamHour: figure(
      0.04,
      'stream-hour',
      'Kinesis on-demand stream-hour',
      PRICING_DOC,
      'medium',
    ),
    kinesisOnDemandGbWritten: figure(
      0.08,
      'GB written',
      'Kinesis on-demand data written',
      PRICING_DOC,
      'medium',
    ),
    kinesisOnDemandGbRead: figure(0.04, 'GB read', 'Kinesis on-demand data read', PRICING_DOC, 'medium'),
    kinesisOnDemandEfoGbRead: figure(
      0.05,
      'GB read',
      'Kinesis on-demand enhanced fan-out data read',
      CHECKED,
      'high',
    ),
    kinesisOnDemandExtendedRetentionGbMonth: figure(
      0.1,
      'GB-month',
      'Kinesis on-demand retention beyond 24 hours',
      CHECKED,
      'high',
    ),
    kinesisAdvantageGbWritten: figure(
      0.032,
      'GB written',
      'Kinesis On-demand Advantage data written',
      `one third-party table (${PRICING_DOC}, corrections)`,
      'medium',
    ),
    kinesisAdvantageGbRead: figure(
      0.016,
      'GB read',
      'Kinesis On-demand Advantage data read',
      DERIVED_ADVANTAGE,
      'low',
    ),
    kinesisAdvantageEfoGbRead: figure(
      0.02,
      'GB read',
      'Kinesis On-demand Advantage enhanced fan-out read',
      DERIVED_ADVANTAGE,
      'low',
    ),
    kinesisAdvantageExtendedRetentionGbMonth: figure(
      0.04,
      'GB-month',
      'Kinesis On-demand Advantage retention beyond 24 hours',
      DERIVED_ADVANTAGE,
      'low',
    ),
    mskT3SmallBrokerHour: figure(
      0.0456,
      'broker-hour',
      'MSK kafka.t3.small broker-hour',
      PRICING_DOC,
      'medium',
    ),
    mskM7gLargeBrokerHour: figure(
      0.204,
      'broker-hour',
      'MSK kafka.m7g.large broker-hour (each size up doubles it)',
      PRICING_DOC,
      'medium',
    ),
    mskStorageGbMonth: figure(0.1, 'GB-month', 'MSK storage', PRICING_DOC, 'medium'),
    mskTieredStorageGbMonth: figure(0.06, 'GB-month', 'MSK tiered storage', THIRD_PARTY, 'medium'),
    mskExpressM7gLargeBrokerHour: figure(
      0.408,
      'broker-hour',
      'MSK express.m7g.large broker-hour (each size up doubles it)',
      THIRD_PARTY,
      'medium',
    ),
    mskExpressGbWritten: figure(0.01, 'GB written', 'MSK Express data written', THIRD_PARTY, 'medium'),
    mskExpressStorageGbMonth: figure(
      0.1,
      'GB-month',
      'MSK Express storage',
      `not in ${PRICING_DOC}: priced like Standard broker storage until checked; override it with PRICING_FILE`,
      'low',
    ),
    mskServerlessClusterHour: figure(
      0.75,
      'cluster-hour',
      'MSK Serverless cluster-hour',
      PRICING_DOC,
      'medium',
    ),
    mskServerlessPartitionHour: figure(
      0.0015,
      'partition-hour',
      'MSK Serverless partition-hour',
      PRICING_DOC,
      'medium',
    ),
    mskServerlessGbIn: figure(0.1, 'GB in', 'MSK Serverless data in', PRICING_DOC, 'medium'),
    mskServerlessGbOut: figure(0.05, 'GB out', 'MSK Serverless data out', PRICING_DOC, 'medium'),
    mskConnectMcuHour: figure(
      0.11,
      'MCU-hour',
      'MSK Connect worker unit-hour (1 vCPU, 4 GiB)',
      `a third-party copy of AWS's MSK price list, 2022 (${PRICING_DOC})`,
      'low',
    ),
    ec2M7gLargeHour: figure(
      0.0816,
      'instance-hour',
      'EC2 m7g.large instance-hour (each size up doubles it)',
      PRICING_DOC,
      'medium',
    ),
    gp3GbMonth: figure(0.08, 'GB-month', 'EBS gp3 storage', PRICING_DOC, 'medium'),
    gp3ThroughputMibpsMonth: figure(
      0.04,
      'MiB/s-month',
      'EBS gp3 throughput beyond 125 MiB/s',
      PRICING_DOC,
      'medium',
    ),
    s3StandardGbMonth: figure(0.023, 'GB-month', 'S3 Standard storage', CHECKED, 'high'),
    crossAzGbEachWay: figure(0.01, 'GB, each direction', 'data sent between zones', CHECKED, 'high'),
  },
};

/**
 * Limits and sizing rules that no price file changes. Quotas are from AWS's documentation (high confidence); the
 * Kafka sizing rules are a public independent calculator's stated assumptions (medium). See docs/pricing.md.
 */
export const CAPACITY = {
  hoursPerMonth: 730,
  kinesisShardWriteMbps: 1,
  kinesisShardWriteRecordsPerSecond: 1000,
  kinesisShardReadMbps: 2,
  /** GetRecords calls a shard serves each second, shared by every classic (polling) reader. */
  kinesisShardReadCallsPerSecond: 5,
  /** Each classic reader polls each shard once a second: the usual client setting. */
  kinesisClassicPollsPerSecond: 1,
  kinesisPutUnitKb: 25,
  kinesisOnDemandRecordRoundingKb: 1,
  /** N. Virginia, Oregon and Ireland; 200 MB/s by default elsewhere. */
  kinesisOnDemandMaxWriteMbps: 10_240,
  kinesisOnDemandStartWriteMbps: 4,
  /** On-demand serves classic readers up to twice what is written. */
  kinesisOnDemandSharedReadFactor: 2,
  kinesisEfoReadersPerStream: 20,
  kinesisAdvantageEfoReadersPerStream: 50,
  /** On-demand Advantage's minimum commitment, in MB/s written. */
  kinesisAdvantageMinWriteMbps: 25,
  kinesisShardsPerAccount: 20_000,
  /** Since 2025, set per stream with UpdateMaxRecordSize; the default stays 1 MiB. */
  kinesisMaxRecordKb: 10_240,
  kinesisDefaultMaxRecordKb: 1024,
  /**
   * Kafka's default largest record: the broker's `message.max.bytes` is 1,048,588 bytes, and the producer's
   * `max.request.size` 1 MiB (Apache Kafka configuration reference, as of 4.x; MSK keeps the defaults).
   */
  kafkaDefaultMaxRecordKb: 1024,
  /** A producer library (KPL) packs small records into Kinesis records of up to this size. */
  kinesisAggregatedRecordKb: 1024,
  kinesisMaxRetentionDays: 365,
  kinesisIncludedRetentionDays: 1,
  kinesisExtendedRetentionDays: 7,
  mskServerlessMaxInMbps: 200,
  mskServerlessMaxOutMbps: 400,
  mskServerlessMaxPartitions: 2400,
  mskServerlessPartitionInMbps: 5,
  mskServerlessPartitionOutMbps: 10,
  mskServerlessMaxRecordKb: 8192,
  mskServerlessMaxConsumerGroups: 500,
  /** With KRaft; 30 with ZooKeeper. Also what this estimate lets a self-run cluster grow to. */
  mskBrokersPerCluster: 60,
  /** A cluster of more brokers than this is sized on bigger brokers when they cost no more. */
  comfortableBrokersPerCluster: 30,
  mskMaxStorageGbPerBroker: 16_384,
  /** MSK tiered storage needs topics kept at least this long. */
  mskTieredMinRetentionDays: 3,
  /** Hours kept on broker disks when older data goes to tiered storage. */
  tieredLocalRetentionHours: 12,
  /** kafka.t3.small: burstable, for development and testing, 300 partitions. */
  t3SmallMaxPeakMbps: 1,
  t3SmallMaxPartitions: 300,
  /** One vCPU handles about 5 MiB/s produced and 15 MiB/s consumed at the same time: vCPUs = max of the two. */
  kafkaProducedMbpsPerVcpu: 5,
  kafkaConsumedMbpsPerVcpu: 15,
  /** m7g.large baseline bandwidth, ≈ 0.94 Gbit/s; it grows with the size like the vCPUs. */
  largeBrokerNetworkMbps: 117,
  /** Express brokers: AWS's ingress per express.m7g.large (500 MB/s on 16xlarge), egress twice that. */
  expressLargeIngressMbps: 15.6,
  expressLargeEgressMbps: 31.2,
  gp3IncludedThroughputMibps: 125,
  replicationFactor: 3,
  /** Disks are kept no more than half full. */
  diskFillLimit: 0.5,
  kraftControllers: 3,
  /** Two Connect workers of 2 vCPUs each: the smallest set that survives one failing. */
  connectWorkers: 2,
  connectWorkerVcpus: 2,
} as const;

const positiveUsd = z
  .number({ error: 'must be a number of US dollars' })
  .nonnegative({ error: 'must not be negative' })
  .max(1_000_000, { error: 'is implausibly large' });

const overrideFigure = z.union([
  positiveUsd,
  z.strictObject({
    usd: positiveUsd,
    source: z.string().trim().min(1).max(300).optional(),
    confidence: z.enum(['high', 'medium', 'low']).optional(),
  }),
]);

/**
 * What an operator's price file may say: the day its prices were read, optionally a region, and any subset of the
 * prices, each a plain number of dollars or `{ usd, source?, confidence? }`. Unknown keys are refused, so a typo
 * cannot silently leave a default in place.
 */
export const pricingOverrideSchema = z.strictObject({
  asOf: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }),
  region: z.string().trim().min(1).max(100).optional(),
  prices: z.partialRecord(z.enum(PRICE_KEYS), overrideFigure),
});
export type PricingOverride = z.infer<typeof pricingOverrideSchema>;

export type PricingParseResult = { ok: true; pricing: PriceTable } | { ok: false; problem: string };

/** Checks an operator's price file (already parsed from JSON) and lays it over the defaults. */
export function parsePricingOverride(input: unknown, base: PriceTable = DEFAULT_PRICING): PricingParseResult {
  const parsed = pricingOverrideSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.join(', ')} (known prices: ${PRICE_KEYS.join(', ')})`
        : (issue?.message ?? 'is not a valid price file');
    return { ok: false, problem: `${where}${message}` };
  }
  const override = parsed.data;
  const prices = { ...base.prices };
  for (const key of PRICE_KEYS) {
    const figure = override.prices[key];
    if (figure === undefined) continue;
    const given = typeof figure === 'number' ? { usd: figure } : figure;
    prices[key] = {
      ...base.prices[key],
      usd: given.usd,
      source: given.source ?? 'the operator’s price file',
      confidence: given.confidence ?? 'medium',
    };
  }
  return { ok: true, pricing: { asOf: override.asOf, region: override.region ?? base.region, prices } };
}
