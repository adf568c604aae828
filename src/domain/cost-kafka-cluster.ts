/**
 * Kafka clusters sized as an engineer sizes them, shared by MSK (cost-msk.ts) and Kafka run on EC2
 * (cost-kafka.ts): the broker size picked from the family so the cluster stays within its broker limit; vCPUs
 * from the larger of what is produced and what is consumed; each broker's network for replication and readers;
 * at most 16 TiB of disk a broker; tiered storage wherever retention makes it cheaper; client traffic between
 * zones; KRaft controllers and Connect workers where they are needed.
 */
import {
  type bill,
  type CostOption,
  ceilCount,
  countOf,
  type Design,
  formatKb,
  gbPerMonth,
  type LimitUse,
  type Priced,
  partitionCount,
  storedGb,
  type Workload,
  type Zones,
} from './cost-model.js';
import { fleetUsd } from './cost-people.js';
import { formatNumber } from './format.js';
import { CAPACITY, type PriceTable } from './pricing.js';

/** The m7g sizes MSK and EC2 offer, by vCPUs; the price and the network grow with them. */
export const SIZES = [
  { name: 'large', vcpus: 2 },
  { name: 'xlarge', vcpus: 4 },
  { name: '2xlarge', vcpus: 8 },
  { name: '4xlarge', vcpus: 16 },
  { name: '8xlarge', vcpus: 32 },
  { name: '12xlarge', vcpus: 48 },
  { name: '16xlarge', vcpus: 64 },
] as const;
type Size = (typeof SIZES)[number];

/** Multiples of a large broker's price, bandwidth and throughput. */
export function scale(size: Size): number {
  return size.vcpus / 2;
}

/** MSK's guideline for partition replicas a broker carries. */
function partitionsPerBroker(size: Size): number {
  if (size.vcpus <= 4) return 1000;
  return size.vcpus === 8 ? 2000 : 4000;
}

/** Followers of a partition that sit in another zone than its leader, with rack-aware placement of 3 replicas. */
export const CROSS_ZONE_COPIES: Record<Zones, number> = { 1: 0, 2: 4 / 3, 3: 2 };

/** What a cluster must carry at the peak. */
export interface Needs {
  vcpus: number;
  /** Into the brokers: writes and their replicas. */
  ingressMbps: number;
  /** Out of the brokers: replicas to followers and every reader's copy. */
  egressMbps: number;
  partitionReplicas: number;
  /** Provisioned disk for the data kept on brokers, across the cluster. */
  diskGb: number;
  zones: number;
}

export interface Plan {
  size: Size;
  brokers: number;
  /** What set the broker count, for the design's words. */
  binding: string;
}

/** Brokers of one size for the needs, in equal numbers per zone; undefined past the cluster limit. */
export function brokersOf(
  size: Size,
  needs: Needs,
  perBroker: { ingress: number; egress: number },
): Plan | undefined {
  // The first need that asks for the most brokers names the binding one (every size of every design runs this).
  let binding = '3 replicas';
  let needed = ceilCount(CAPACITY.replicationFactor);
  const weigh = (why: string, count: number) => {
    const whole = ceilCount(count);
    if (whole > needed) {
      needed = whole;
      binding = why;
    }
  };
  weigh('CPU', needs.vcpus / size.vcpus);
  weigh('network', needs.ingressMbps / perBroker.ingress);
  weigh('network', needs.egressMbps / perBroker.egress);
  weigh('partitions', needs.partitionReplicas / partitionsPerBroker(size));
  weigh('disk', needs.diskGb / CAPACITY.mskMaxStorageGbPerBroker);
  const brokers = Math.ceil(needed / needs.zones) * needs.zones;
  return brokers > CAPACITY.mskBrokersPerCluster ? undefined : { size, brokers, binding };
}

/** How the retained data is stored: all on broker disks, or the last hours there and the rest in a tier. */
export interface Storage {
  tiered: boolean;
  /** Data kept on broker disks, stored once. */
  localGb: number;
  /** Data kept in the tier, one copy. */
  tierGb: number;
}

/**
 * All on broker disks, and, where records outlive the hours kept on disk and the service allows it, a tier.
 * `minRetentionDays` is the service's floor for tiered topics: MSK's 3 days; Kafka's own tiered storage (KIP-405)
 * has none, so a self-run cluster keeping 2 days tiers what is older than 12 h.
 */
export function storageOptions(workload: Workload, minRetentionDays: number): Storage[] {
  const all = storedGb(workload.avgWriteMbps, workload.retentionDays);
  const local: Storage = { tiered: false, localGb: all, tierGb: 0 };
  const hotDays = CAPACITY.tieredLocalRetentionHours / 24;
  if (workload.retentionDays <= hotDays || workload.retentionDays < minRetentionDays) return [local];
  return [local, { tiered: true, localGb: storedGb(workload.avgWriteMbps, hotDays), tierGb: all }];
}

export function diskFor(storage: Storage): number {
  return (storage.localGb * CAPACITY.replicationFactor) / CAPACITY.diskFillLimit;
}

export function needsOf(workload: Workload, storage: Storage, zones: number): Needs {
  const peak = workload.peakWriteMbps;
  const replicas = CAPACITY.replicationFactor;
  return {
    vcpus: Math.max(
      peak / CAPACITY.kafkaProducedMbpsPerVcpu,
      (peak * workload.consumerGroups) / CAPACITY.kafkaConsumedMbpsPerVcpu,
    ),
    ingressMbps: peak * replicas,
    egressMbps: peak * (workload.consumerGroups + replicas - 1),
    partitionReplicas: partitionCount(workload) * replicas,
    diskGb: diskFor(storage),
    zones,
  };
}

/** Traffic between your services and brokers in other zones: producers to leaders; readers unless they fetch locally. */
function clientCrossZoneGb(workload: Workload, zones: number): { producers: number; readers: number } {
  const away = (zones - 1) / zones;
  const written = gbPerMonth(workload.avgWriteMbps);
  return { producers: written * away, readers: written * workload.consumerGroups * away };
}

export type KafkaBill = ReturnType<typeof bill>;

/** Client traffic between zones, both directions charged; reads assumed local (fetch-from-follower). */
export function addClientTraffic(
  priced: KafkaBill,
  workload: Workload,
  zones: number,
  pricing: PriceTable,
): string[] {
  const { producers, readers } = clientCrossZoneGb(workload, zones);
  priced.add('producers to leaders in other zones', 'crossAzGbEachWay', producers * 2);
  if (readers <= 0) return [];
  const withoutLocalReads = readers * 2 * pricing.prices.crossAzGbEachWay.usd;
  return [
    `Readers fetch from a replica in their own zone (fetch-from-follower, client.rack); without it, reads between zones would add about $${formatNumber(Math.round(withoutLocalReads))} a month`,
  ];
}

export function storageWords(storage: Storage, tierName: string): string {
  return storage.tiered ? `, ${tierName} after ${CAPACITY.tieredLocalRetentionHours} h` : '';
}

export function clusterLimits(
  plan: Plan,
  storage: Storage,
  perBrokerNetwork: number,
  needs: Needs,
): LimitUse[] {
  return [
    {
      what: 'brokers per cluster',
      used: plan.brokers,
      limit: CAPACITY.mskBrokersPerCluster,
      scope: 'overall',
    },
    {
      what: 'GiB of disk per broker',
      used: diskFor(storage) / plan.brokers,
      limit: CAPACITY.mskMaxStorageGbPerBroker,
      scope: 'per unit',
    },
    {
      what: 'partition replicas per broker',
      used: needs.partitionReplicas / plan.brokers,
      limit: partitionsPerBroker(plan.size),
      scope: 'per unit',
    },
    {
      what: 'MB/s out of each broker',
      used: needs.egressMbps / plan.brokers,
      limit: perBrokerNetwork,
      scope: 'per unit',
    },
  ];
}

/**
 * The cheapest design over every size and storage choice, its machines and the looking after its broker count
 * takes (fleetUsd); clusters past a comfortable size only when cheaper.
 */
export function cheapest(designs: Design[], option: CostOption): Design | undefined {
  const rank = (design: Design) => (design.units > CAPACITY.comfortableBrokersPerCluster ? 1 : 0);
  const usd = (design: Design) => design.machinesUsd + fleetUsd(option, design.units);
  return [...designs].sort((a, b) => rank(a) - rank(b) || usd(a) - usd(b) || a.units - b.units)[0];
}

export function tooBig(workload: Workload): Priced {
  return {
    available: false,
    reason: `no single cluster of ${CAPACITY.mskBrokersPerCluster} brokers carries ${formatNumber(workload.peakWriteMbps)} MB/s to ${countOf(workload.consumerGroups, 'reader')}: it would take several clusters`,
  };
}

/** What a Kafka or MSK design tells the team about its clients: records past Kafka's defaults, Connect's workers. */
export function clientNotes(workload: Workload, connectWhere: string): string[] {
  return [
    ...(workload.recordKb > CAPACITY.kafkaDefaultMaxRecordKb
      ? [
          `Records of ${formatKb(workload.recordKb)} need the topic’s max.message.bytes, the producers’ max.request.size and the readers’ fetch sizes raised past their 1 MB defaults`,
        ]
      : []),
    ...(workload.kafkaConnect ? [`Your Kafka Connect connectors run on ${connectWhere}`] : []),
  ];
}
