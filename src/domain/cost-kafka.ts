/**
 * Kafka clusters sized as an engineer sizes them, for MSK (Standard and Express brokers, Serverless) and for
 * Kafka run on EC2: the broker size picked from the family so the cluster stays within its broker limit; vCPUs
 * from the larger of what is produced and what is consumed; each broker's network for replication and readers;
 * at most 16 TiB of disk a broker; tiered storage wherever retention makes it cheaper; client traffic between
 * zones; KRaft controllers and Connect workers where they are needed.
 */
import {
  bill,
  ceilCount,
  countOf,
  type Design,
  formatKb,
  gbPerMonth,
  HOURS,
  type LimitUse,
  type Priced,
  partitionCount,
  storedGb,
  type Workload,
  type Zones,
} from './cost-model.js';
import { formatNumber } from './format.js';
import { CAPACITY, type PriceKey, type PriceTable } from './pricing.js';

/** The m7g sizes MSK and EC2 offer, by vCPUs; the price and the network grow with them. */
const SIZES = [
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
function scale(size: Size): number {
  return size.vcpus / 2;
}

/** MSK's guideline for partition replicas a broker carries. */
function partitionsPerBroker(size: Size): number {
  if (size.vcpus <= 4) return 1000;
  return size.vcpus === 8 ? 2000 : 4000;
}

/** Followers of a partition that sit in another zone than its leader, with rack-aware placement of 3 replicas. */
const CROSS_ZONE_COPIES: Record<Zones, number> = { 1: 0, 2: 4 / 3, 3: 2 };

/** What a cluster must carry at the peak. */
interface Needs {
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

interface Plan {
  size: Size;
  brokers: number;
  /** What set the broker count, for the design's words. */
  binding: string;
}

/** Brokers of one size for the needs, in equal numbers per zone; undefined past the cluster limit. */
function brokersOf(
  size: Size,
  needs: Needs,
  perBroker: { ingress: number; egress: number },
): Plan | undefined {
  const counts: [string, number][] = [
    ['3 replicas', CAPACITY.replicationFactor],
    ['CPU', needs.vcpus / size.vcpus],
    ['network', needs.ingressMbps / perBroker.ingress],
    ['network', needs.egressMbps / perBroker.egress],
    ['partitions', needs.partitionReplicas / partitionsPerBroker(size)],
    ['disk', needs.diskGb / CAPACITY.mskMaxStorageGbPerBroker],
  ];
  let binding = counts[0]?.[0] ?? '';
  let needed = 0;
  for (const [why, count] of counts) {
    const whole = ceilCount(count);
    if (whole > needed) {
      needed = whole;
      binding = why;
    }
  }
  const brokers = Math.ceil(needed / needs.zones) * needs.zones;
  return brokers > CAPACITY.mskBrokersPerCluster ? undefined : { size, brokers, binding };
}

/** How the retained data is stored: all on broker disks, or the last hours there and the rest in a tier. */
interface Storage {
  tiered: boolean;
  /** Data kept on broker disks, stored once. */
  localGb: number;
  /** Data kept in the tier, one copy. */
  tierGb: number;
}

function storageOptions(workload: Workload, tierAllowed: boolean): Storage[] {
  const all = storedGb(workload.avgWriteMbps, workload.retentionDays);
  const local: Storage = { tiered: false, localGb: all, tierGb: 0 };
  const hotDays = CAPACITY.tieredLocalRetentionHours / 24;
  if (!tierAllowed || workload.retentionDays < CAPACITY.mskTieredMinRetentionDays) return [local];
  return [local, { tiered: true, localGb: storedGb(workload.avgWriteMbps, hotDays), tierGb: all }];
}

function diskFor(storage: Storage): number {
  return (storage.localGb * CAPACITY.replicationFactor) / CAPACITY.diskFillLimit;
}

function needsOf(workload: Workload, storage: Storage, zones: number): Needs {
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

type KafkaBill = ReturnType<typeof bill>;

/** Client traffic between zones, both directions charged; reads assumed local (fetch-from-follower). */
function addClientTraffic(
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

function storageWords(storage: Storage, tierName: string): string {
  return storage.tiered ? `, ${tierName} after ${CAPACITY.tieredLocalRetentionHours} h` : '';
}

function clusterLimits(plan: Plan, storage: Storage, perBrokerNetwork: number, needs: Needs): LimitUse[] {
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

/** The cheapest design over every size and storage choice; clusters past a comfortable size only when cheaper. */
function cheapest(designs: Design[]): Design | undefined {
  const rank = (design: Design) => (design.units > CAPACITY.comfortableBrokersPerCluster ? 1 : 0);
  return [...designs].sort(
    (a, b) => rank(a) - rank(b) || a.machinesUsd - b.machinesUsd || a.units - b.units,
  )[0];
}

function tooBig(workload: Workload): Priced {
  return {
    available: false,
    reason: `no single cluster of ${CAPACITY.mskBrokersPerCluster} brokers carries ${formatNumber(workload.peakWriteMbps)} MB/s to ${countOf(workload.consumerGroups, 'reader')}: it would take several clusters`,
  };
}

function connectNote(workload: Workload, what: string): string[] {
  return workload.kafkaConnect ? [`Your Kafka Connect connectors run on ${what}`] : [];
}

/** MSK spans two or three zones; a one-zone answer is priced on three, the usual layout for 3 replicas. */
function mskZones(workload: Workload): number {
  return workload.zones === 2 ? 2 : 3;
}

export function mskStandard(workload: Workload, pricing: PriceTable): Priced {
  const zones = mskZones(workload);
  const designs: Design[] = [];
  for (const storage of storageOptions(workload, true)) {
    const needs = needsOf(workload, storage, zones);
    if (!storage.tiered && smallEnoughForT3(workload))
      designs.push(t3Design(workload, pricing, storage, needs));
    for (const size of SIZES) {
      const network = CAPACITY.largeBrokerNetworkMbps * scale(size);
      const plan = brokersOf(size, needs, { ingress: network, egress: network });
      if (!plan) continue;
      const priced = bill(pricing);
      priced.add(
        `kafka.m7g.${size.name} broker-hours`,
        'mskM7gLargeBrokerHour',
        plan.brokers * HOURS * scale(size),
      );
      addMskStorage(priced, storage);
      const notes = addClientTraffic(priced, workload, zones, pricing);
      addMskConnect(priced, workload);
      designs.push(
        priced.done({
          units: plan.brokers,
          design: `${plan.brokers} × kafka.m7g.${size.name}${storageWords(storage, 'tiered storage')}`,
          notes: [...notes, ...connectNote(workload, 'MSK Connect (2 workers of 2 units)')],
          limits: clusterLimits(plan, storage, network, needs),
        }),
      );
    }
  }
  return cheapest(designs) ?? tooBig(workload);
}

function smallEnoughForT3(workload: Workload): boolean {
  return (
    workload.peakWriteMbps <= CAPACITY.t3SmallMaxPeakMbps &&
    partitionCount(workload) * CAPACITY.replicationFactor <= CAPACITY.t3SmallMaxPartitions * 3
  );
}

/** Three burstable brokers: what AWS offers for development and testing, and enough for a trickle. */
function t3Design(workload: Workload, pricing: PriceTable, storage: Storage, needs: Needs): Design {
  const priced = bill(pricing);
  priced.add('kafka.t3.small broker-hours', 'mskT3SmallBrokerHour', 3 * HOURS);
  addMskStorage(priced, storage);
  const notes = addClientTraffic(priced, workload, needs.zones, pricing);
  addMskConnect(priced, workload);
  return priced.done({
    units: 3,
    design: `3 × kafka.t3.small${storageWords(storage, 'tiered storage')}`,
    notes: [
      'kafka.t3.small brokers are burstable and meant for development and testing; production traffic usually starts on kafka.m7g.large',
      ...notes,
      ...connectNote(workload, 'MSK Connect (2 workers of 2 units)'),
    ],
    limits: [
      { what: 'brokers per cluster', used: 3, limit: CAPACITY.mskBrokersPerCluster, scope: 'overall' },
      {
        what: 'GiB of disk per broker',
        used: diskFor(storage) / 3,
        limit: CAPACITY.mskMaxStorageGbPerBroker,
        scope: 'per unit',
      },
    ],
  });
}

function addMskStorage(priced: KafkaBill, storage: Storage): void {
  priced.add(
    storage.tiered ? 'broker storage (last 12 h)' : 'broker storage',
    'mskStorageGbMonth',
    diskFor(storage),
  );
  priced.add('tiered storage', 'mskTieredStorageGbMonth', storage.tierGb);
}

function addMskConnect(priced: KafkaBill, workload: Workload): void {
  if (!workload.kafkaConnect) return;
  priced.add(
    'MSK Connect workers',
    'mskConnectMcuHour',
    CAPACITY.connectWorkers * CAPACITY.connectWorkerVcpus * HOURS,
  );
}

/** Express brokers: storage is AWS's, billed per GB kept; throughput per broker is AWS's published figure. */
export function mskExpress(workload: Workload, pricing: PriceTable): Priced {
  const storage: Storage = {
    tiered: false,
    localGb: 0,
    tierGb: storedGb(workload.avgWriteMbps, workload.retentionDays),
  };
  const needs: Needs = { ...needsOf(workload, storage, 3), vcpus: 0, diskGb: 0 };
  const peak = workload.peakWriteMbps;
  const designs: Design[] = [];
  for (const size of SIZES) {
    const ingress = CAPACITY.expressLargeIngressMbps * scale(size);
    const egress = CAPACITY.expressLargeEgressMbps * scale(size);
    // AWS's figures are client throughput: writes in, reads out; replication is Express's own business.
    const plan = brokersOf(
      size,
      { ...needs, ingressMbps: peak, egressMbps: peak * workload.consumerGroups },
      {
        ingress,
        egress,
      },
    );
    if (!plan) continue;
    const priced = bill(pricing);
    priced.add(
      `express.m7g.${size.name} broker-hours`,
      'mskExpressM7gLargeBrokerHour',
      plan.brokers * HOURS * scale(size),
    );
    priced.add('data written', 'mskExpressGbWritten', gbPerMonth(workload.avgWriteMbps));
    priced.add('storage', 'mskExpressStorageGbMonth', storage.tierGb);
    const notes = addClientTraffic(priced, workload, 3, pricing);
    addMskConnect(priced, workload);
    designs.push(
      priced.done({
        units: plan.brokers,
        design: `${plan.brokers} × express.m7g.${size.name}`,
        notes: [
          'Express brokers keep storage for you, with no disks to size, and need three zones',
          ...notes,
          ...connectNote(workload, 'MSK Connect (2 workers of 2 units)'),
        ],
        limits: [
          {
            what: 'brokers per cluster',
            used: plan.brokers,
            limit: CAPACITY.mskBrokersPerCluster,
            scope: 'overall',
          },
          {
            what: 'MB/s into each Express broker',
            used: peak / plan.brokers,
            limit: ingress,
            scope: 'per unit',
          },
          {
            what: 'MB/s out of each Express broker',
            used: (peak * workload.consumerGroups) / plan.brokers,
            limit: egress,
            scope: 'per unit',
          },
        ],
      }),
    );
  }
  return cheapest(designs) ?? tooBig(workload);
}

export function mskServerless(workload: Workload, pricing: PriceTable): Priced {
  const peak = workload.peakWriteMbps;
  const peakReadMbps = peak * workload.consumerGroups;
  const partitions = Math.max(
    partitionCount(workload),
    ceilCount(peak / CAPACITY.mskServerlessPartitionInMbps),
    ceilCount(peakReadMbps / CAPACITY.mskServerlessPartitionOutMbps),
  );
  const caps: [boolean, string][] = [
    [
      workload.recordKb > CAPACITY.mskServerlessMaxRecordKb,
      `records of ${formatKb(workload.recordKb)} are over its 8 MiB limit`,
    ],
    [
      peak > CAPACITY.mskServerlessMaxInMbps,
      `peak writes of ${formatNumber(peak)} MB/s are over its ${CAPACITY.mskServerlessMaxInMbps} MB/s cap`,
    ],
    [
      peakReadMbps > CAPACITY.mskServerlessMaxOutMbps,
      `peak reads of ${formatNumber(peakReadMbps)} MB/s are over its ${CAPACITY.mskServerlessMaxOutMbps} MB/s cap`,
    ],
    [
      partitions > CAPACITY.mskServerlessMaxPartitions,
      `${formatNumber(partitions)} partitions are over its ${formatNumber(CAPACITY.mskServerlessMaxPartitions)} cap`,
    ],
    [
      workload.consumerGroups > CAPACITY.mskServerlessMaxConsumerGroups,
      `${formatNumber(workload.consumerGroups)} consumer groups are over its ${CAPACITY.mskServerlessMaxConsumerGroups}`,
    ],
  ];
  const over = caps.find(([broken]) => broken);
  if (over) return { available: false, reason: over[1] };
  const gbIn = gbPerMonth(workload.avgWriteMbps);
  const priced = bill(pricing);
  priced.add('cluster-hours', 'mskServerlessClusterHour', HOURS);
  priced.add('partition-hours', 'mskServerlessPartitionHour', partitions * HOURS);
  priced.add('data in', 'mskServerlessGbIn', gbIn);
  priced.add('data out', 'mskServerlessGbOut', gbIn * workload.consumerGroups);
  priced.add('storage', 'mskStorageGbMonth', storedGb(workload.avgWriteMbps, workload.retentionDays));
  addMskConnect(priced, workload);
  const overall = (what: string, used: number, limit: number): LimitUse => ({
    what,
    used,
    limit,
    scope: 'overall',
  });
  return priced.done({
    units: partitions,
    design: countOf(partitions, 'partition'),
    notes: connectNote(workload, 'MSK Connect (2 workers of 2 units)'),
    limits: [
      overall('MB/s written to MSK Serverless', peak, CAPACITY.mskServerlessMaxInMbps),
      overall('MB/s read from MSK Serverless', peakReadMbps, CAPACITY.mskServerlessMaxOutMbps),
      overall('MSK Serverless partitions', partitions, CAPACITY.mskServerlessMaxPartitions),
      overall('record size, KB', workload.recordKb, CAPACITY.mskServerlessMaxRecordKb),
      overall('consumer groups', workload.consumerGroups, CAPACITY.mskServerlessMaxConsumerGroups),
    ],
  });
}

export function kafkaOnEc2(workload: Workload, pricing: PriceTable): Priced {
  const zones = workload.zones;
  const designs: Design[] = [];
  for (const storage of storageOptions(workload, true)) {
    const needs = needsOf(workload, storage, zones);
    for (const size of SIZES) {
      const network = CAPACITY.largeBrokerNetworkMbps * scale(size);
      const plan = brokersOf(size, needs, { ingress: network, egress: network });
      if (!plan) continue;
      designs.push(priceEc2(workload, pricing, plan, storage, needs, network));
    }
  }
  return cheapest(designs) ?? tooBig(workload);
}

function priceEc2(
  workload: Workload,
  pricing: PriceTable,
  plan: Plan,
  storage: Storage,
  needs: Needs,
  network: number,
): Design {
  const zones = workload.zones;
  const priced = bill(pricing);
  const instance: PriceKey = 'ec2M7gLargeHour';
  priced.add(
    `m7g.${plan.size.name} broker instance-hours`,
    instance,
    plan.brokers * HOURS * scale(plan.size),
  );
  priced.add('KRaft controllers (3 × m7g.large)', instance, CAPACITY.kraftControllers * HOURS);
  priced.add(storage.tiered ? 'gp3 disks (last 12 h)' : 'gp3 disks', 'gp3GbMonth', diskFor(storage));
  // Each broker's disk takes its share of the writes and their replicas; gp3 includes 125 MiB/s.
  const diskWriteMbps = needs.ingressMbps / plan.brokers;
  priced.add(
    'gp3 throughput beyond 125 MiB/s',
    'gp3ThroughputMibpsMonth',
    plan.brokers * Math.max(0, diskWriteMbps - CAPACITY.gp3IncludedThroughputMibps),
  );
  priced.add('tiered storage in S3', 's3StandardGbMonth', storage.tierGb);
  // The sending and the receiving zone are each charged.
  priced.add(
    'replication between zones',
    'crossAzGbEachWay',
    gbPerMonth(workload.avgWriteMbps) * CROSS_ZONE_COPIES[zones] * 2,
  );
  const notes = addClientTraffic(priced, workload, zones, pricing);
  if (workload.kafkaConnect) {
    priced.add(
      'Kafka Connect workers (2 × m7g.large)',
      instance,
      CAPACITY.connectWorkers * HOURS * (CAPACITY.connectWorkerVcpus / 2),
    );
  }
  return priced.done({
    units: plan.brokers,
    design: `${plan.brokers} × m7g.${plan.size.name} + 3 KRaft controllers${storageWords(storage, 'tiered storage in S3')}`,
    notes: [
      ...(storage.tiered
        ? ['Tiered storage (KIP-405) needs a remote-storage plugin for S3; S3 requests are not counted']
        : []),
      'One gp3 volume per broker, at most 16 TiB',
      ...notes,
      ...connectNote(workload, 'two m7g.large workers of your own'),
    ],
    limits: clusterLimits(plan, storage, network, needs),
  });
}
