/**
 * The prices and capacity facts behind the monthly cost estimate: one dated table, each figure with where it came
 * from and how sure we are of it (see PRICING.md). Public list prices, US East (N. Virginia), on-demand.
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
  'kinesisOnDemandStreamHour',
  'kinesisOnDemandGbWritten',
  'kinesisOnDemandGbRead',
  'kinesisOnDemandExtendedRetentionGbMonth',
  'mskT3SmallBrokerHour',
  'mskM7gLargeBrokerHour',
  'mskStorageGbMonth',
  'mskServerlessClusterHour',
  'mskServerlessPartitionHour',
  'mskServerlessGbIn',
  'mskServerlessGbOut',
  'ec2M7gLargeHour',
  'gp3GbMonth',
  'crossAzGbEachWay',
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

export interface PriceTable {
  /** The day the prices were read, YYYY-MM-DD. */
  asOf: string;
  region: string;
  prices: Record<PriceKey, PriceFigure>;
}

const PRICING_MD = 'PRICING.md';
const AWS_PRICE_LIST = `AWS price list as read 2026-10-02, repeated by many third parties (${PRICING_MD})`;
const UNVERIFIED =
  'not in PRICING.md: AWS lists a separate charge, this figure is as remembered and unverified; override it with PRICING_FILE';

export const DEFAULT_PRICING: PriceTable = {
  asOf: '2026-10-02',
  region: 'US East (N. Virginia)',
  prices: {
    kinesisShardHour: {
      usd: 0.015,
      unit: 'shard-hour',
      label: 'Kinesis shard-hour',
      source: AWS_PRICE_LIST,
      confidence: 'medium',
    },
    kinesisPutUnitsPerMillion: {
      usd: 0.014,
      unit: 'million PUT payload units',
      label: 'Kinesis PUT payload units',
      source: `unit rule from AWS's pricing page, price as read by third parties (${PRICING_MD})`,
      confidence: 'medium',
    },
    kinesisExtendedRetentionShardHour: {
      usd: 0.02,
      unit: 'shard-hour',
      label: 'Kinesis retention up to 7 days',
      source: `third-party copies only (${PRICING_MD})`,
      confidence: 'low',
    },
    kinesisLongTermRetentionGbMonth: {
      usd: 0.023,
      unit: 'GB-month',
      label: 'Kinesis retention beyond 7 days',
      source: UNVERIFIED,
      confidence: 'low',
    },
    kinesisOnDemandStreamHour: {
      usd: 0.04,
      unit: 'stream-hour',
      label: 'Kinesis on-demand stream-hour',
      source: PRICING_MD,
      confidence: 'medium',
    },
    kinesisOnDemandGbWritten: {
      usd: 0.08,
      unit: 'GB written',
      label: 'Kinesis on-demand data written',
      source: PRICING_MD,
      confidence: 'medium',
    },
    kinesisOnDemandGbRead: {
      usd: 0.04,
      unit: 'GB read',
      label: 'Kinesis on-demand data read',
      source: PRICING_MD,
      confidence: 'medium',
    },
    kinesisOnDemandExtendedRetentionGbMonth: {
      usd: 0.1,
      unit: 'GB-month',
      label: 'Kinesis on-demand retention beyond 24 hours',
      source: UNVERIFIED,
      confidence: 'low',
    },
    mskT3SmallBrokerHour: {
      usd: 0.0456,
      unit: 'broker-hour',
      label: 'MSK kafka.t3.small broker-hour',
      source: PRICING_MD,
      confidence: 'medium',
    },
    mskM7gLargeBrokerHour: {
      usd: 0.204,
      unit: 'broker-hour',
      label: 'MSK kafka.m7g.large broker-hour',
      source: PRICING_MD,
      confidence: 'medium',
    },
    mskStorageGbMonth: {
      usd: 0.1,
      unit: 'GB-month',
      label: 'MSK storage',
      source: PRICING_MD,
      confidence: 'medium',
    },
    mskServerlessClusterHour: {
      usd: 0.75,
      unit: 'cluster-hour',
      label: 'MSK Serverless cluster-hour',
      source: PRICING_MD,
      confidence: 'medium',
    },
    mskServerlessPartitionHour: {
      usd: 0.0015,
      unit: 'partition-hour',
      label: 'MSK Serverless partition-hour',
      source: PRICING_MD,
      confidence: 'medium',
    },
    mskServerlessGbIn: {
      usd: 0.1,
      unit: 'GB in',
      label: 'MSK Serverless data in',
      source: PRICING_MD,
      confidence: 'medium',
    },
    mskServerlessGbOut: {
      usd: 0.05,
      unit: 'GB out',
      label: 'MSK Serverless data out',
      source: PRICING_MD,
      confidence: 'medium',
    },
    ec2M7gLargeHour: {
      usd: 0.0816,
      unit: 'instance-hour',
      label: 'EC2 m7g.large instance-hour',
      source: PRICING_MD,
      confidence: 'medium',
    },
    gp3GbMonth: {
      usd: 0.08,
      unit: 'GB-month',
      label: 'EBS gp3 storage',
      source: PRICING_MD,
      confidence: 'medium',
    },
    crossAzGbEachWay: {
      usd: 0.01,
      unit: 'GB, each direction',
      label: 'data sent between zones',
      source: PRICING_MD,
      confidence: 'medium',
    },
  },
};

/**
 * Limits and sizing rules that no price file changes. Quotas are from AWS's documentation (high confidence); the
 * Kafka sizing rules are a public independent calculator's stated assumptions (medium).
 */
export const CAPACITY = {
  hoursPerMonth: 730,
  kinesisShardWriteMbps: 1,
  kinesisShardWriteRecordsPerSecond: 1000,
  kinesisShardReadMbps: 2,
  kinesisPutUnitKb: 25,
  kinesisOnDemandRecordRoundingKb: 1,
  kinesisOnDemandMaxWriteMbps: 10_240,
  kinesisMaxRecordKb: 1024,
  kinesisMaxRetentionDays: 365,
  kinesisIncludedRetentionDays: 1,
  kinesisExtendedRetentionDays: 7,
  mskServerlessMaxInMbps: 200,
  mskServerlessMaxOutMbps: 400,
  mskServerlessMaxPartitions: 2400,
  /** Partition replicas one m7g.large-class broker carries (MSK best-practices guideline). */
  partitionReplicasPerBroker: 1000,
  /** One vCPU for about this much produced, plus `kafkaConsumedMbpsPerVcpu` consumed. */
  kafkaProducedMbpsPerVcpu: 5,
  kafkaConsumedMbpsPerVcpu: 15,
  vcpusPerLargeInstance: 2,
  replicationFactor: 3,
  /** Disks are kept no more than half full. */
  diskFillLimit: 0.5,
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
