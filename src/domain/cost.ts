/**
 * The monthly cost estimate: what each way of running the stream would cost in machines (designs sized from the
 * workload numbers, priced from the price table) and in people (from the team's own answers), side by side and
 * never mixed.
 *
 * Every design is sized as an engineer would size it (cost-kinesis.ts, cost-msk.ts, cost-kafka.ts) and within
 * the platform's published limits; every assumption that moves a figure is listed with it and shown with the verdict.
 */
import { kafkaOnEc2 } from './cost-kafka.js';
import { kinesisOnDemand, kinesisProvisioned } from './cost-kinesis.js';
import {
  COST_OPTIONS,
  type CostEstimate,
  type CostItem,
  type CostOption,
  countOf,
  type Design,
  formatKb,
  HOURS,
  type LimitUse,
  type OptionCost,
  type Priced,
  type PricedOption,
  type Workload,
  type Zones,
} from './cost-model.js';
import { mskExpress, mskServerless, mskStandard } from './cost-msk.js';
import { peopleFor } from './cost-people.js';
import { formatDollars, formatNumber, formatUsd } from './format.js';
import { CAPACITY, type PriceKey, type PriceTable } from './pricing.js';
import type { Answers, Platform } from './types.js';

export {
  COST_OPTIONS,
  type CostEstimate,
  type CostItem,
  type CostOption,
  type LimitUse,
  type OptionCost,
  type PricedOption,
  type Workload,
  type Zones,
} from './cost-model.js';
export { PEOPLE_QUESTIONS } from './cost-people.js';

export const COST_OPTION_LABELS: Record<CostOption, string> = {
  kinesis_provisioned: 'Kinesis, provisioned shards',
  kinesis_on_demand: 'Kinesis, on-demand',
  kinesis_advantage: 'Kinesis, On-demand Advantage',
  msk_provisioned: 'MSK, Standard brokers',
  msk_express: 'MSK, Express brokers',
  msk_serverless: 'MSK Serverless',
  kafka_ec2: 'Self-managed Kafka on EC2',
};

export const COST_OPTION_PLATFORMS: Record<CostOption, Platform> = {
  kinesis_provisioned: 'kinesis',
  kinesis_on_demand: 'kinesis',
  kinesis_advantage: 'kinesis',
  msk_provisioned: 'msk',
  msk_express: 'msk',
  msk_serverless: 'msk',
  kafka_ec2: 'kafka',
};

export interface CostSettings {
  pricing: PriceTable;
  /** Loaded yearly cost of one engineer. */
  engineerYearlyUsd: number;
}

export { DEFAULT_ENGINEER_YEARLY_USD } from './cost-people.js';

const ZONES_BY_ANSWER: Record<string, Zones> = { one: 1, two: 2, three: 3 };

/** Reads the workload step; undefined until its five numbers are there. */
export function readWorkload(answers: Answers): Workload | undefined {
  const avgWriteMbps = positive(answers.avg_write_mbps);
  const peakWriteMbps = positive(answers.peak_write_mbps);
  const recordKb = positive(answers.avg_record_kb);
  const consumerGroups = positive(answers.consumer_groups);
  const retentionDays = positive(answers.retention_days);
  if (
    avgWriteMbps === undefined ||
    peakWriteMbps === undefined ||
    recordKb === undefined ||
    consumerGroups === undefined ||
    retentionDays === undefined
  ) {
    return undefined;
  }
  const zones = ZONES_BY_ANSWER[String(answers.availability_zones)];
  const usage = answers.kafka_usage;
  return {
    avgWriteMbps,
    // A peak typed below the average is caught by validation; stored sets are read as the larger of the two.
    peakWriteMbps: Math.max(peakWriteMbps, avgWriteMbps),
    recordKb,
    consumerGroups,
    retentionDays,
    zones: zones ?? 3,
    zonesAssumed: zones === undefined,
    kafkaConnect: Array.isArray(usage) && usage.includes('connect'),
  };
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

const DESIGNERS: Record<CostOption, (workload: Workload, pricing: PriceTable) => Priced> = {
  kinesis_provisioned: kinesisProvisioned,
  kinesis_on_demand: (workload, pricing) => kinesisOnDemand(workload, pricing, false),
  kinesis_advantage: (workload, pricing) => kinesisOnDemand(workload, pricing, true),
  msk_provisioned: mskStandard,
  msk_express: mskExpress,
  msk_serverless: mskServerless,
  kafka_ec2: kafkaOnEc2,
};

/** Designs are pure functions of the workload and the prices, and a team's flips ask for the same ones often. */
const DESIGN_CACHE = new WeakMap<PriceTable, Map<string, Priced[]>>();
const DESIGN_CACHE_LIMIT = 2000;

/** Every option's design, in COST_OPTIONS order. */
export function designAll(workload: Workload, pricing: PriceTable): Priced[] {
  const byWorkload = DESIGN_CACHE.get(pricing) ?? new Map<string, Priced[]>();
  DESIGN_CACHE.set(pricing, byWorkload);
  const key = [
    workload.avgWriteMbps,
    workload.peakWriteMbps,
    workload.recordKb,
    workload.consumerGroups,
    workload.retentionDays,
    workload.zones,
    workload.kafkaConnect,
  ].join('|');
  const known = byWorkload.get(key);
  if (known) return known;
  const designs = COST_OPTIONS.map((option) => DESIGNERS[option](workload, pricing));
  if (byWorkload.size >= DESIGN_CACHE_LIMIT) byWorkload.clear();
  byWorkload.set(key, designs);
  return designs;
}

/** A platform's cheapest way to run the stream, all in, as the verdict weighs it. */
export interface PlatformCost {
  /** The option with the lowest monthly total. */
  option: CostOption;
  /** Machines and people, a month, of that option. */
  totalUsd: number;
  /**
   * That option's machine bill, for the machine row: the bill of the option the verdict prices, so the row's figure
   * is one the cost table shows beside it (the lowest of any option was provisioned Kinesis's $1,100 beside an
   * on-demand stream priced at $1,232).
   */
  machinesUsd: number;
  /** The published limit the option's design comes closest to, when it uses more than NEAR_LIMIT of it. */
  nearLimit?: LimitUse;
  /** Labels of the low-confidence prices behind at least LOW_CONFIDENCE_SHARE of the option's total. */
  lowConfidence: string[];
  /** The option's use of the platform beyond what it is meant for (Design.stretch). */
  stretch?: string;
}

/** A design using more than this share of a published limit has little room to grow. */
export const NEAR_LIMIT = 0.8;
/** Low-confidence prices matter to the verdict when they make up this much of a total. */
const LOW_CONFIDENCE_SHARE = 0.1;

/** Each platform's cheapest option by the monthly total of machines and people. */
export function platformCosts(
  workload: Workload,
  answers: Answers,
  settings: CostSettings,
): Partial<Record<Platform, PlatformCost>> {
  const costs: Partial<Record<Platform, PlatformCost>> = {};
  designAll(workload, settings.pricing).forEach((design, index) => {
    const option = COST_OPTIONS[index];
    if (!design.available || option === undefined) return;
    const platform = COST_OPTION_PLATFORMS[option];
    const totalUsd =
      design.machinesUsd + (peopleFor(option, answers, design.units).fte * settings.engineerYearlyUsd) / 12;
    const known = costs[platform];
    if (known && known.totalUsd <= totalUsd) return;
    const low = design.items.filter((item) => settings.pricing.prices[item.price].confidence === 'low');
    const lowUsd = low.reduce((sum, item) => sum + item.usd, 0);
    costs[platform] = {
      option,
      totalUsd,
      machinesUsd: design.machinesUsd,
      ...nearestLimit(design),
      ...(design.stretch && { stretch: design.stretch }),
      lowConfidence:
        lowUsd >= totalUsd * LOW_CONFIDENCE_SHARE
          ? [...new Set(low.map((item) => settings.pricing.prices[item.price].label))]
          : [],
    };
  });
  return costs;
}

function nearestLimit(design: Design): { nearLimit?: LimitUse } {
  let nearest: LimitUse | undefined;
  for (const limit of design.limits) {
    if (limit.scope !== 'overall' || limit.used / limit.limit <= NEAR_LIMIT) continue;
    if (!nearest || limit.used / limit.limit > nearest.used / nearest.limit) nearest = limit;
  }
  return nearest ? { nearLimit: nearest } : {};
}

export function estimateCosts(input: {
  workload: Workload;
  /** The answers that set the people figures: one person's, or the team's most common. */
  answers: Answers;
  settings: CostSettings;
  /**
   * Platforms the answers rule out, with why: their options are shown out of the running with that reason, and
   * their sizing rules and low-confidence prices are not listed among the assumptions of what is left.
   */
  excluded?: readonly { platform: Platform; reason: string }[];
}): CostEstimate {
  const { workload, answers, settings, excluded = [] } = input;
  const designs = designAll(workload, settings.pricing);
  const used = new Set<PriceKey>();
  const options = COST_OPTIONS.map((option, index): OptionCost => {
    const platform = COST_OPTION_PLATFORMS[option];
    const out = excluded.find((exclusion) => exclusion.platform === platform);
    if (out) return { option, platform, available: false, reason: out.reason };
    const design = designs[index];
    if (!design?.available) return { option, platform, available: false, reason: design?.reason ?? '' };
    for (const key of design.pricesUsed) used.add(key);
    const people = peopleFor(option, answers, design.units);
    const peopleUsd = (people.fte * settings.engineerYearlyUsd) / 12;
    return {
      option,
      platform,
      ...design,
      peopleFte: people.fte,
      peopleUsd,
      setupWeeks: people.setupWeeks,
      totalUsd: design.machinesUsd + peopleUsd,
    };
  });
  return {
    workload,
    options,
    assumptions: assumptionsFor(workload, answers, settings.engineerYearlyUsd, options),
    lowConfidence: [...used]
      .filter((key) => settings.pricing.prices[key].confidence === 'low')
      .map((key) => settings.pricing.prices[key].label),
    pricesAsOf: settings.pricing.asOf,
    region: settings.pricing.region,
    engineerYearlyUsd: settings.engineerYearlyUsd,
  };
}

/**
 * An option's figures as shown: each part to the dollar, and the totals the sums of the shown parts, so they add
 * up and stay within a few dollars of the exact total that every rounded figure ("about $6,300") is read from. Parts
 * rounded to two figures each summed to $6,200 beside a total of $6,300 elsewhere.
 */
export interface ShownCost {
  items: CostItem[];
  machinesUsd: number;
  peopleUsd: number;
  totalUsd: number;
}

export function shownCost(option: PricedOption): ShownCost {
  const items = option.items.map((item) => ({ ...item, usd: Math.round(item.usd) }));
  const machinesUsd = items.reduce((sum, item) => sum + item.usd, 0);
  const peopleUsd = Math.round(option.peopleUsd);
  return { items, machinesUsd, peopleUsd, totalUsd: machinesUsd + peopleUsd };
}

const OUTSIDE_AWS = new Set(['not_aws', 'also_outside_aws']);

function assumptionsFor(
  workload: Workload,
  answers: Answers,
  engineerYearlyUsd: number,
  options: readonly OptionCost[],
): string[] {
  const w = workload;
  // A platform's sizing rules are said only while one of its options is still in the running.
  const priced = (platform: Platform) =>
    options.some((option) => option.platform === platform && option.available);
  const lines = [
    `${formatNumber(w.avgWriteMbps)} MB/s written on average, ${formatNumber(w.peakWriteMbps)} MB/s at the peak, ` +
      `${formatKb(w.recordKb)} records, ${countOf(w.consumerGroups, 'reading service')}, ` +
      `${countOf(w.retentionDays, 'day')} kept, ${countOf(w.zones, 'zone')}${w.zonesAssumed ? ' (assumed)' : ''}`,
    ...(priced('kinesis')
      ? [
          `Kinesis: shards for the peak at 1 MB/s and 1,000 records/s written each; up to ${CAPACITY.kinesisShardReadCallsPerSecond} readers poll a shard ` +
            `(2 MB/s and 5 calls/s shared), more use enhanced fan-out (2 MB/s each, at most ${CAPACITY.kinesisEfoReadersPerStream} a stream)`,
        ]
      : []),
    'Kafka and MSK: 3 replicas; vCPUs for the larger of 5 MB/s produced or 15 MB/s read per vCPU; each broker’s network for its replicas and readers; ' +
      'at most 16 TiB of disk a broker, kept half full; broker size chosen from large to 16xlarge by its machines and the engineers’ time its broker count takes; tiered storage after 12 h where it is cheaper',
    'Every option carries the stated peak at its published limits per shard or broker, with no spare beyond disks kept half full, as AWS advises sizing shards for the expected maximum: partition keys that spread unevenly need spare shards or brokers whichever is chosen',
    'Traffic between zones: producers to leaders and self-run replication are counted (MSK does not charge for replication); readers fetch in their own zone',
    `People at ${formatDollars(engineerYearlyUsd)} a year per engineer, loaded; a month is ${HOURS} hours; no Savings Plans (30–50% off EC2 for a 1–3 year commitment)`,
  ];
  if (OUTSIDE_AWS.has(String(answers.where_you_run))) {
    lines.push(
      'You run outside AWS: the machine figures are AWS list prices as a stand-in for your own hardware or cloud; managed Kafka services elsewhere are worth comparing',
    );
  }
  // Off AWS altogether, AWS's charge for traffic between zones may be most of self-run Kafka's machine bill, and a
  // data centre of one's own has none: the reader is told how much of the figure it is.
  const selfRun = options.find((option) => option.option === 'kafka_ec2');
  const zoneTraffic = selfRun?.available
    ? selfRun.items
        .filter((item) => item.price === 'crossAzGbEachWay')
        .reduce((sum, item) => sum + item.usd, 0)
    : 0;
  if (answers.where_you_run === 'not_aws' && zoneTraffic > 0) {
    lines.push(
      `Of self-managed Kafka’s machines, about ${formatUsd(zoneTraffic)} a month is AWS’s charge for traffic between zones, which a data centre of your own does not have`,
    );
  }
  return lines;
}
