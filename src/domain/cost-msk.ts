/**
 * Amazon MSK priced on the shared cluster sizing (cost-kafka-cluster.ts): Standard brokers (t3 for the
 * smallest), Express brokers, Serverless.
 */
import {
  addClientTraffic,
  brokersOf,
  cheapest,
  clientNotes,
  clusterLimits,
  diskFor,
  type KafkaBill,
  type Needs,
  needsOf,
  SIZES,
  type Storage,
  scale,
  storageOptions,
  storageWords,
  tooBig,
} from './cost-kafka-cluster.js';
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
} from './cost-model.js';
import { formatNumber, formatUsd } from './format.js';
import { CAPACITY, type PriceTable } from './pricing.js';

/** MSK spans two or three zones; a one-zone answer is priced on three, the usual layout for 3 replicas. */
function mskZones(workload: Workload): number {
  return workload.zones === 2 ? 2 : 3;
}

export function mskStandard(workload: Workload, pricing: PriceTable): Priced {
  const zones = mskZones(workload);
  const designs: Design[] = [];
  for (const storage of storageOptions(workload, CAPACITY.mskTieredMinRetentionDays)) {
    const needs = needsOf(workload, storage, zones);
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
          notes: [
            ...notes,
            ...clientNotes(workload, 'MSK Connect (2 workers of 2 units)'),
            ...t3Note(workload, pricing),
          ],
          limits: clusterLimits(plan, storage, network, needs),
        }),
      );
    }
  }
  return cheapest(designs, 'msk_provisioned') ?? tooBig(workload);
}

function smallEnoughForT3(workload: Workload): boolean {
  return (
    workload.peakWriteMbps <= CAPACITY.t3SmallMaxPeakMbps &&
    partitionCount(workload) * CAPACITY.replicationFactor <= CAPACITY.t3SmallMaxPartitions * 3
  );
}

/**
 * Burstable kafka.t3.small brokers carry a trickle, but AWS offers them for development and testing only, so they
 * are no production design to compare: the note gives their price for a team's test cluster.
 */
function t3Note(workload: Workload, pricing: PriceTable): string[] {
  if (!smallEnoughForT3(workload)) return [];
  const usd = 3 * HOURS * pricing.prices.mskT3SmallBrokerHour.usd;
  return [
    `For development and testing, 3 × kafka.t3.small brokers (burstable, not for production) cost about ${formatUsd(usd)} a month before storage`,
  ];
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
          ...clientNotes(workload, 'MSK Connect (2 workers of 2 units)'),
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
  return cheapest(designs, 'msk_express') ?? tooBig(workload);
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
    notes: clientNotes(workload, 'MSK Connect (2 workers of 2 units)'),
    limits: [
      overall('MB/s written to MSK Serverless', peak, CAPACITY.mskServerlessMaxInMbps),
      overall('MB/s read from MSK Serverless', peakReadMbps, CAPACITY.mskServerlessMaxOutMbps),
      overall('MSK Serverless partitions', partitions, CAPACITY.mskServerlessMaxPartitions),
      overall('record size, KB', workload.recordKb, CAPACITY.mskServerlessMaxRecordKb),
      overall('consumer groups', workload.consumerGroups, CAPACITY.mskServerlessMaxConsumerGroups),
    ],
  });
}
