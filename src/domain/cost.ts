/**
 * The monthly cost estimate: what each way of running the stream would cost in machines (from the workload
 * numbers and the price table) and in people (from the team's own answers), side by side and never mixed.
 *
 * The sizing rules are deliberately simple and the same for every option, so that no option is flattered: every
 * assumption that moves a figure is listed in `assumptions` and shown with the verdict.
 */
import { formatDollars, formatNumber } from './format.js';
import { CAPACITY, type PriceKey, type PriceTable } from './pricing.js';
import type { Answers, Platform } from './types.js';

export const COST_OPTIONS = [
  'kinesis_provisioned',
  'kinesis_on_demand',
  'msk_provisioned',
  'msk_serverless',
  'kafka_ec2',
] as const;
export type CostOption = (typeof COST_OPTIONS)[number];

export const COST_OPTION_LABELS: Record<CostOption, string> = {
  kinesis_provisioned: 'Kinesis, provisioned shards',
  kinesis_on_demand: 'Kinesis, on-demand',
  msk_provisioned: 'MSK, provisioned brokers',
  msk_serverless: 'MSK Serverless',
  kafka_ec2: 'Self-managed Kafka on EC2',
};

export const COST_OPTION_PLATFORMS: Record<CostOption, Platform> = {
  kinesis_provisioned: 'kinesis',
  kinesis_on_demand: 'kinesis',
  msk_provisioned: 'msk',
  msk_serverless: 'msk',
  kafka_ec2: 'kafka',
};

export type Zones = 1 | 2 | 3;

/** The workload step's answers, as the estimate reads them. MB and MiB are treated alike (under 5% apart). */
export interface Workload {
  avgWriteMbps: number;
  peakWriteMbps: number;
  recordKb: number;
  consumerGroups: number;
  retentionDays: number;
  zones: Zones;
  /** The zones question was unanswered or "Don't know", so three zones are assumed. */
  zonesAssumed: boolean;
}

/** One line of an option's machine bill. */
export interface CostItem {
  what: string;
  usd: number;
}

interface PricedMachines {
  available: true;
  machinesUsd: number;
  items: CostItem[];
  /** Brokers or shards, which also sets how much running it takes. */
  units: number;
  /** What a unit is, singular: "shard", "kafka.m7g.large broker". */
  unitName: string;
  pricesUsed: PriceKey[];
}

interface Unavailable {
  available: false;
  /** Completes "<option> is out: …". */
  reason: string;
}

export type OptionCost = { option: CostOption; platform: Platform } & (
  | (PricedMachines & {
      /** What the estimate sized, in words: "8 shards", "3 m7g.large brokers". */
      sizing: string;
      /** Engineers' time this option takes once running, in full-time engineers. */
      peopleFte: number;
      peopleUsd: number;
      /** One-off engineer-weeks to reach production. */
      setupWeeks: number;
      totalUsd: number;
    })
  | Unavailable
);

export interface CostEstimate {
  workload: Workload;
  /** In COST_OPTIONS order; options that cannot serve the workload say why. */
  options: OptionCost[];
  /** The assumptions behind the figures, one short line each. */
  assumptions: string[];
  /** Labels of the low-confidence prices the figures used. */
  lowConfidence: string[];
  pricesAsOf: string;
  region: string;
  engineerYearlyUsd: number;
}

export interface CostSettings {
  pricing: PriceTable;
  /** Loaded yearly cost of one engineer. */
  engineerYearlyUsd: number;
}

export const DEFAULT_ENGINEER_YEARLY_USD = 200_000;

const HOURS = CAPACITY.hoursPerMonth;
const SECONDS_PER_MONTH = HOURS * 3600;
const SECONDS_PER_DAY = 86_400;
const MB_PER_GB = 1024;
/** Enough partitions for a consumer group of several readers even on a tiny stream. */
const MIN_PARTITIONS = 6;
/** One partition per this many MB/s written at the peak, like a Kinesis shard. */
const PARTITION_WRITE_MBPS = 1;
/** Below this peak, MSK is priced on AWS's small development brokers. */
const MSK_SMALL_BROKER_MAX_PEAK_MBPS = 1;
/** Followers of a partition that sit in another zone than its leader, with rack-aware placement of 3 replicas. */
const CROSS_ZONE_COPIES: Record<Zones, number> = { 1: 0, 2: 4 / 3, 3: 2 };

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
  return {
    avgWriteMbps,
    // A peak typed below the average is caught by validation; stored sets are read as the larger of the two.
    peakWriteMbps: Math.max(peakWriteMbps, avgWriteMbps),
    recordKb,
    consumerGroups,
    retentionDays,
    zones: zones ?? 3,
    zonesAssumed: zones === undefined,
  };
}

const ZONES_BY_ANSWER: Record<string, Zones> = { one: 1, two: 2, three: 3 };

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The machine bill of every option: cheap enough to work out for each member of a large team. */
function machineCosts(workload: Workload, pricing: PriceTable): (PricedMachines | Unavailable)[] {
  return COST_OPTIONS.map((option) => MACHINES[option](workload, pricing));
}

/** The cheapest machine bill per platform, over the options that can serve the workload. */
export function cheapestMachines(workload: Workload, pricing: PriceTable): Partial<Record<Platform, number>> {
  const cheapest: Partial<Record<Platform, number>> = {};
  machineCosts(workload, pricing).forEach((cost, index) => {
    const option = COST_OPTIONS[index];
    if (!cost.available || option === undefined) return;
    const platform = COST_OPTION_PLATFORMS[option];
    cheapest[platform] = Math.min(cheapest[platform] ?? Number.POSITIVE_INFINITY, cost.machinesUsd);
  });
  return cheapest;
}

export function estimateCosts(input: {
  workload: Workload;
  /** The answers that set the people figures: one person's, or the team's most common. */
  answers: Answers;
  settings: CostSettings;
}): CostEstimate {
  const { workload, answers, settings } = input;
  const machines = machineCosts(workload, settings.pricing);
  const used = new Set<PriceKey>();
  const options = COST_OPTIONS.map((option, index): OptionCost => {
    const platform = COST_OPTION_PLATFORMS[option];
    const priced = machines[index];
    if (!priced?.available) return { option, platform, available: false, reason: priced?.reason ?? '' };
    for (const key of priced.pricesUsed) used.add(key);
    const people = peopleFor(option, answers, priced.units);
    const peopleUsd = (people.fte * settings.engineerYearlyUsd) / 12;
    return {
      option,
      platform,
      ...priced,
      sizing: `${formatNumber(priced.units)} ${priced.unitName}${priced.units === 1 ? '' : 's'}`,
      peopleFte: people.fte,
      peopleUsd,
      setupWeeks: people.setupWeeks,
      totalUsd: priced.machinesUsd + peopleUsd,
    };
  });
  return {
    workload,
    options,
    assumptions: assumptionsFor(workload, settings.engineerYearlyUsd),
    lowConfidence: [...used]
      .filter((key) => settings.pricing.prices[key].confidence === 'low')
      .map((key) => settings.pricing.prices[key].label),
    pricesAsOf: settings.pricing.asOf,
    region: settings.pricing.region,
    engineerYearlyUsd: settings.engineerYearlyUsd,
  };
}

type Pricer = (workload: Workload, pricing: PriceTable) => PricedMachines | Unavailable;

/** Records the prices an option used, so the verdict can name the low-confidence ones. */
function bill(pricing: PriceTable) {
  const items: CostItem[] = [];
  const pricesUsed: PriceKey[] = [];
  return {
    add(what: string, key: PriceKey, quantity: number) {
      if (quantity <= 0) return;
      items.push({ what, usd: quantity * pricing.prices[key].usd });
      pricesUsed.push(key);
    },
    done(units: number, unitName: string): PricedMachines {
      const machinesUsd = items.reduce((sum, item) => sum + item.usd, 0);
      return { available: true, machinesUsd, items, units, unitName, pricesUsed };
    },
  };
}

const MACHINES: Record<CostOption, Pricer> = {
  kinesis_provisioned(workload, pricing) {
    const out = kinesisOut(workload);
    if (out) return out;
    const shards = kinesisShards(workload);
    const putUnitsPerRecord = ceilCount(workload.recordKb / CAPACITY.kinesisPutUnitKb);
    const recordsPerMonth = recordsPerSecond(workload.avgWriteMbps, workload.recordKb) * SECONDS_PER_MONTH;
    const priced = bill(pricing);
    priced.add('shard-hours', 'kinesisShardHour', shards * HOURS);
    priced.add('PUT payload units', 'kinesisPutUnitsPerMillion', (recordsPerMonth * putUnitsPerRecord) / 1e6);
    if (workload.retentionDays > CAPACITY.kinesisIncludedRetentionDays) {
      priced.add('retention up to 7 days', 'kinesisExtendedRetentionShardHour', shards * HOURS);
    }
    priced.add('retention beyond 7 days', 'kinesisLongTermRetentionGbMonth', longTermGb(workload));
    return priced.done(shards, 'shard');
  },

  kinesis_on_demand(workload, pricing) {
    const out = kinesisOut(workload);
    if (out) return out;
    if (workload.peakWriteMbps > CAPACITY.kinesisOnDemandMaxWriteMbps) {
      return {
        available: false,
        reason: `peak writes of ${formatNumber(workload.peakWriteMbps)} MB/s are over on-demand’s 10 GB/s`,
      };
    }
    // Each record is billed as a whole number of kilobytes, at least one.
    const billedKb = Math.max(
      CAPACITY.kinesisOnDemandRecordRoundingKb,
      ceilCount(workload.recordKb / CAPACITY.kinesisOnDemandRecordRoundingKb),
    );
    const gbWritten = gbPerMonth(workload.avgWriteMbps) * (billedKb / workload.recordKb);
    const extendedDays =
      Math.min(workload.retentionDays, CAPACITY.kinesisExtendedRetentionDays) -
      CAPACITY.kinesisIncludedRetentionDays;
    const priced = bill(pricing);
    priced.add('stream-hours', 'kinesisOnDemandStreamHour', HOURS);
    priced.add('data written', 'kinesisOnDemandGbWritten', gbWritten);
    priced.add('data read', 'kinesisOnDemandGbRead', gbWritten * workload.consumerGroups);
    priced.add(
      'retention up to 7 days',
      'kinesisOnDemandExtendedRetentionGbMonth',
      storedGb(workload.avgWriteMbps, Math.max(0, extendedDays)),
    );
    priced.add('retention beyond 7 days', 'kinesisLongTermRetentionGbMonth', longTermGb(workload));
    return priced.done(1, 'stream');
  },

  msk_provisioned(workload, pricing) {
    const small = workload.peakWriteMbps <= MSK_SMALL_BROKER_MAX_PEAK_MBPS;
    // MSK spans two or three zones; a one-zone answer is priced on three, the smallest layout for 3 replicas.
    const brokers = brokerCount(workload, workload.zones === 2 ? 2 : 3);
    const priced = bill(pricing);
    priced.add(
      small ? 'kafka.t3.small broker-hours' : 'kafka.m7g.large broker-hours',
      small ? 'mskT3SmallBrokerHour' : 'mskM7gLargeBrokerHour',
      brokers * HOURS,
    );
    priced.add('storage', 'mskStorageGbMonth', replicatedDiskGb(workload));
    return priced.done(brokers, small ? 'kafka.t3.small broker' : 'kafka.m7g.large broker');
  },

  msk_serverless(workload, pricing) {
    const partitions = partitionCount(workload);
    const peakReadMbps = workload.peakWriteMbps * workload.consumerGroups;
    if (workload.peakWriteMbps > CAPACITY.mskServerlessMaxInMbps) {
      return {
        available: false,
        reason: `peak writes of ${formatNumber(workload.peakWriteMbps)} MB/s are over its ${CAPACITY.mskServerlessMaxInMbps} MB/s cap`,
      };
    }
    if (peakReadMbps > CAPACITY.mskServerlessMaxOutMbps) {
      return {
        available: false,
        reason: `peak reads of ${formatNumber(peakReadMbps)} MB/s are over its ${CAPACITY.mskServerlessMaxOutMbps} MB/s cap`,
      };
    }
    if (partitions > CAPACITY.mskServerlessMaxPartitions) {
      return {
        available: false,
        reason: `${formatNumber(partitions)} partitions are over its ${formatNumber(CAPACITY.mskServerlessMaxPartitions)} cap`,
      };
    }
    const gbIn = gbPerMonth(workload.avgWriteMbps);
    const priced = bill(pricing);
    priced.add('cluster-hours', 'mskServerlessClusterHour', HOURS);
    priced.add('partition-hours', 'mskServerlessPartitionHour', partitions * HOURS);
    priced.add('data in', 'mskServerlessGbIn', gbIn);
    priced.add('data out', 'mskServerlessGbOut', gbIn * workload.consumerGroups);
    priced.add('storage', 'mskStorageGbMonth', storedGb(workload.avgWriteMbps, workload.retentionDays));
    return priced.done(partitions, 'partition');
  },

  kafka_ec2(workload, pricing) {
    const brokers = brokerCount(workload, workload.zones);
    const crossZoneGb = gbPerMonth(workload.avgWriteMbps) * CROSS_ZONE_COPIES[workload.zones];
    const priced = bill(pricing);
    priced.add('m7g.large instance-hours', 'ec2M7gLargeHour', brokers * HOURS);
    priced.add('gp3 storage', 'gp3GbMonth', replicatedDiskGb(workload));
    // The sending and the receiving zone are each charged.
    priced.add('replication between zones', 'crossAzGbEachWay', crossZoneGb * 2);
    return priced.done(brokers, 'm7g.large broker');
  },
};

function kinesisOut(workload: Workload): Unavailable | undefined {
  if (workload.recordKb > CAPACITY.kinesisMaxRecordKb) {
    return { available: false, reason: 'records are over its 1 MB limit' };
  }
  if (workload.retentionDays > CAPACITY.kinesisMaxRetentionDays) {
    return { available: false, reason: 'it keeps records for at most 365 days' };
  }
  return undefined;
}

/** Enough shards for the peak's bytes and records written and for every reader sharing each shard's reads. */
function kinesisShards(workload: Workload): number {
  const peak = workload.peakWriteMbps;
  return ceilCount(
    Math.max(
      1,
      peak / CAPACITY.kinesisShardWriteMbps,
      recordsPerSecond(peak, workload.recordKb) / CAPACITY.kinesisShardWriteRecordsPerSecond,
      (peak * workload.consumerGroups) / CAPACITY.kinesisShardReadMbps,
    ),
  );
}

function partitionCount(workload: Workload): number {
  return Math.max(MIN_PARTITIONS, ceilCount(workload.peakWriteMbps / PARTITION_WRITE_MBPS));
}

/**
 * Brokers for the peak by CPU (one vCPU per 5 MB/s written plus 15 MB/s read, two vCPUs a broker) and by
 * partition replicas, at least three for three replicas, in equal numbers per zone.
 */
function brokerCount(workload: Workload, zones: number): number {
  const peak = workload.peakWriteMbps;
  const vcpus =
    peak / CAPACITY.kafkaProducedMbpsPerVcpu +
    (peak * workload.consumerGroups) / CAPACITY.kafkaConsumedMbpsPerVcpu;
  const needed = Math.max(
    CAPACITY.replicationFactor,
    ceilCount(vcpus / CAPACITY.vcpusPerLargeInstance),
    ceilCount((partitionCount(workload) * CAPACITY.replicationFactor) / CAPACITY.partitionReplicasPerBroker),
  );
  return Math.ceil(needed / zones) * zones;
}

function recordsPerSecond(mbps: number, recordKb: number): number {
  return (mbps * 1024) / recordKb;
}

function gbPerMonth(mbps: number): number {
  return (mbps * SECONDS_PER_MONTH) / MB_PER_GB;
}

/** What `days` of the average write rate take, stored once. */
function storedGb(mbps: number, days: number): number {
  return (mbps * SECONDS_PER_DAY * days) / MB_PER_GB;
}

/** Disk for every replica of the retained data, kept no more than half full. */
function replicatedDiskGb(workload: Workload): number {
  return (
    (storedGb(workload.avgWriteMbps, workload.retentionDays) * CAPACITY.replicationFactor) /
    CAPACITY.diskFillLimit
  );
}

function longTermGb(workload: Workload): number {
  return storedGb(
    workload.avgWriteMbps,
    Math.max(0, workload.retentionDays - CAPACITY.kinesisExtendedRetentionDays),
  );
}

/** Rounds up to a whole count, forgiving the float noise of e.g. 8.000000000001. */
function ceilCount(value: number): number {
  return Math.ceil(value - 1e-9);
}

function assumptionsFor(workload: Workload, engineerYearlyUsd: number): string[] {
  const w = workload;
  return [
    `${formatNumber(w.avgWriteMbps)} MB/s written on average, ${formatNumber(w.peakWriteMbps)} MB/s at the peak, ` +
      `${formatNumber(w.recordKb)} KB records, ${countOf(w.consumerGroups, 'reading service')}, ` +
      `${countOf(w.retentionDays, 'day')} kept, ${countOf(w.zones, 'zone')}${w.zonesAssumed ? ' (assumed)' : ''}`,
    'Kinesis shards sized for the peak: 1 MB/s or 1,000 records/s written and 2 MB/s read, shared by all readers (no enhanced fan-out)',
    'Kafka and MSK: 3 replicas, one vCPU per 5 MB/s written plus 15 MB/s read, 2-vCPU brokers, one partition per MB/s at the peak, disks half full',
    'Self-run Kafka pays for replicas sent between zones; readers fetch in their own zone, and traffic between your services and the stream is not counted for any option',
    `People at ${formatDollars(engineerYearlyUsd)} a year per engineer, loaded; a month is ${HOURS} hours`,
  ];
}

function countOf(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * People: the share of engineers each option takes once running, and the engineer-weeks to reach production,
 * from the answers that decide them (Kafka experience, on-call, monitoring, platform team, existing Kafka code).
 * Figures are judgement, not list prices: they are shown beside the machine bill, never inside it.
 */
type Effect = Partial<Record<CostOption, number>>;

const ONGOING_FTE: Record<CostOption, number> = {
  kinesis_provisioned: 0.1,
  kinesis_on_demand: 0.05,
  msk_provisioned: 0.25,
  msk_serverless: 0.1,
  kafka_ec2: 1,
};

const SETUP_WEEKS: Record<CostOption, number> = {
  kinesis_provisioned: 1,
  kinesis_on_demand: 1,
  msk_provisioned: 2,
  msk_serverless: 1,
  kafka_ec2: 6,
};

const ONGOING_EFFECTS: Record<string, Record<string, Effect>> = {
  kafka_ops_experience: {
    never: { kafka_ec2: 0.5, msk_provisioned: 0.1 },
    under_a_year: { kafka_ec2: 0.25, msk_provisioned: 0.05 },
    many_years: { kafka_ec2: -0.25, msk_provisioned: -0.05 },
  },
  oncall_rotation: {
    no: { kafka_ec2: 0.5, msk_provisioned: 0.05 },
    business_hours: { kafka_ec2: 0.25 },
  },
  monitoring_maturity: {
    little: { kafka_ec2: 0.25, msk_provisioned: 0.05 },
    strong: { kafka_ec2: -0.1 },
  },
  platform_team: { none: { kafka_ec2: 0.25 } },
};

const REWRITE_FOR_KINESIS: Effect = { kinesis_provisioned: 2, kinesis_on_demand: 2 };

const SETUP_EFFECTS: Record<string, Record<string, Effect>> = {
  kafka_ops_experience: {
    never: { kafka_ec2: 4, msk_provisioned: 1 },
    under_a_year: { kafka_ec2: 2 },
    many_years: { kafka_ec2: -3 },
  },
  kafka_dev_experience: {
    none: { kafka_ec2: 2, msk_provisioned: 1, msk_serverless: 1 },
    built_clusters: { kafka_ec2: -1 },
  },
  ops_skills: { little: { kafka_ec2: 3 }, deep: { kafka_ec2: -1 } },
  kafka_usage: { clients: REWRITE_FOR_KINESIS, connect: REWRITE_FOR_KINESIS, streams: REWRITE_FOR_KINESIS },
};

/** Each doubling of the fleet past this many brokers (or ten times as many shards) adds this much of a person. */
const FLEET_BASELINE = 6;
const FLEET_FTE_PER_DOUBLING: Effect = { kafka_ec2: 0.25, msk_provisioned: 0.05, kinesis_provisioned: 0.025 };
const MIN_FTE: Record<CostOption, number> = {
  kinesis_provisioned: 0.05,
  kinesis_on_demand: 0.05,
  msk_provisioned: 0.1,
  msk_serverless: 0.05,
  kafka_ec2: 0.5,
};

function peopleFor(option: CostOption, answers: Answers, units: number): { fte: number; setupWeeks: number } {
  const baseline = option === 'kinesis_provisioned' ? FLEET_BASELINE * 10 : FLEET_BASELINE;
  const fleet = (FLEET_FTE_PER_DOUBLING[option] ?? 0) * Math.max(0, Math.log2(units / baseline));
  const fte = ONGOING_FTE[option] + effectOf(ONGOING_EFFECTS, answers, option) + fleet;
  const setupWeeks = SETUP_WEEKS[option] + effectOf(SETUP_EFFECTS, answers, option);
  return {
    fte: Math.max(MIN_FTE[option], Math.round(fte * 100) / 100),
    setupWeeks: Math.max(option === 'kafka_ec2' ? 2 : 0.5, setupWeeks),
  };
}

function effectOf(
  table: Record<string, Record<string, Effect>>,
  answers: Answers,
  option: CostOption,
): number {
  let total = 0;
  for (const [questionId, byAnswer] of Object.entries(table)) {
    const value = answers[questionId];
    const chosen = Array.isArray(value) ? value : [value];
    for (const answer of chosen) {
      if (typeof answer === 'string') total += byAnswer[answer]?.[option] ?? 0;
    }
  }
  return total;
}
