/**
 * What every part of the cost estimate shares: the workload as the estimate reads it, a priced design, and the
 * arithmetic of volumes. The designs themselves are in cost-kinesis.ts and cost-kafka.ts; people in
 * cost-people.ts; the estimate that puts them side by side in cost.ts.
 */
import { formatNumber } from './format.js';
import type { Platform } from './platform.js';
import { CAPACITY, type PriceKey, type PriceTable } from './pricing.js';

export const COST_OPTIONS = [
  'kinesis_provisioned',
  'kinesis_on_demand',
  'kinesis_advantage',
  'msk_provisioned',
  'msk_express',
  'msk_serverless',
  'kafka_ec2',
] as const;
export type CostOption = (typeof COST_OPTIONS)[number];

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
  /** The team runs Kafka Connect today, so the Kafka options carry Connect workers. */
  kafkaConnect: boolean;
}

/** One line of an option's machine bill. */
export interface CostItem {
  what: string;
  usd: number;
  /** The price it was worked out from. */
  price: PriceKey;
}

/**
 * How much of one published limit a design uses. `overall` limits bound the whole design (brokers per cluster,
 * readers per stream, a service's caps); `per unit` limits bound each broker or shard, which sizing fills by
 * design.
 */
export interface LimitUse {
  what: string;
  used: number;
  limit: number;
  scope: 'overall' | 'per unit';
}

/** An option that can serve the workload, sized and priced. */
export interface Design {
  available: true;
  machinesUsd: number;
  items: CostItem[];
  /** Brokers or shards: how much there is to run, which also sets the people it takes. */
  units: number;
  /** The design in a few words: "6 × kafka.m7g.4xlarge, tiered storage after 12 h". */
  design: string;
  /** What this design assumes beyond the shared assumptions, one short sentence each. */
  notes: string[];
  limits: LimitUse[];
  pricesUsed: PriceKey[];
  /**
   * How the design uses the platform beyond what it is meant for, completing "Its …" ("records average 4 MB,
   * where …"): a verdict resting on it has lower confidence and says why.
   */
  stretch?: string;
}

export interface Unavailable {
  available: false;
  /** Completes "<option> is out: …". */
  reason: string;
}

export type Priced = Design | Unavailable;

export const HOURS = CAPACITY.hoursPerMonth;
const SECONDS_PER_MONTH = HOURS * 3600;
const SECONDS_PER_DAY = 86_400;
const MB_PER_GB = 1024;

/** Collects an option's bill, and the prices it used so the verdict can name the low-confidence ones. */
export function bill(pricing: PriceTable) {
  const items: CostItem[] = [];
  const pricesUsed: PriceKey[] = [];
  return {
    add(what: string, key: PriceKey, quantity: number) {
      if (quantity <= 0) return;
      items.push({ what, usd: quantity * pricing.prices[key].usd, price: key });
      if (!pricesUsed.includes(key)) pricesUsed.push(key);
    },
    done(design: Omit<Design, 'available' | 'machinesUsd' | 'items' | 'pricesUsed'>): Design {
      const machinesUsd = items.reduce((sum, item) => sum + item.usd, 0);
      return { available: true, machinesUsd, items, pricesUsed, ...design };
    },
  };
}

export function recordsPerSecond(mbps: number, recordKb: number): number {
  return (mbps * 1024) / recordKb;
}

export function gbPerMonth(mbps: number): number {
  return (mbps * SECONDS_PER_MONTH) / MB_PER_GB;
}

/** What `days` of the average write rate take, stored once. */
export function storedGb(mbps: number, days: number): number {
  return (mbps * SECONDS_PER_DAY * days) / MB_PER_GB;
}

/** Rounds up to a whole count, forgiving the float noise of e.g. 8.000000000001. */
export function ceilCount(value: number): number {
  return Math.ceil(value - 1e-9);
}

export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : plural}`;
}

/** Enough partitions for a consumer group of several readers even on a tiny stream. */
export const MIN_PARTITIONS = 6;
/** One partition per this many MB/s written at the peak, like a Kinesis shard. */
const PARTITION_WRITE_MBPS = 1;

export function partitionCount(workload: Workload): number {
  return Math.max(MIN_PARTITIONS, ceilCount(workload.peakWriteMbps / PARTITION_WRITE_MBPS));
}

/** A record size as people say it: "0.5 KB", "4 MB". */
export function formatKb(kb: number): string {
  return kb >= 1024 ? `${formatNumber(Math.round((kb / 1024) * 10) / 10)} MB` : `${formatNumber(kb)} KB`;
}

export type OptionCost = { option: CostOption; platform: Platform } & (
  | (Design & {
      /** Engineers' time this option takes once running, in full-time engineers. */
      peopleFte: number;
      peopleUsd: number;
      /** One-off engineer-weeks to reach production. */
      setupWeeks: number;
      totalUsd: number;
    })
  | Unavailable
);

export type PricedOption = Extract<OptionCost, { available: true }>;

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
