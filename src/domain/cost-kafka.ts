/**
 * Kafka run on EC2 by the team, priced on the shared cluster sizing (cost-kafka-cluster.ts): m7g brokers, KRaft
 * controllers, gp3 disks, tiered storage in S3.
 */
import {
  addClientTraffic,
  brokersOf,
  CROSS_ZONE_COPIES,
  cheapest,
  clientNotes,
  clusterLimits,
  diskFor,
  type Needs,
  needsOf,
  type Plan,
  SIZES,
  type Storage,
  scale,
  storageOptions,
  storageWords,
  tooBig,
} from './cost-kafka-cluster.js';
import { bill, type Design, gbPerMonth, HOURS, type Priced, type Workload } from './cost-model.js';
import { CAPACITY, type PriceKey, type PriceTable } from './pricing.js';

export function kafkaOnEc2(workload: Workload, pricing: PriceTable): Priced {
  const zones = workload.zones;
  const designs: Design[] = [];
  for (const storage of storageOptions(workload, 0)) {
    const needs = needsOf(workload, storage, zones);
    for (const size of SIZES) {
      const network = CAPACITY.largeBrokerNetworkMbps * scale(size);
      const plan = brokersOf(size, needs, { ingress: network, egress: network });
      if (!plan) continue;
      designs.push(priceEc2(workload, pricing, plan, storage, needs, network));
    }
  }
  return cheapest(designs, 'kafka_ec2') ?? tooBig(workload);
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
      ...clientNotes(workload, 'two m7g.large workers of your own'),
    ],
    limits: clusterLimits(plan, storage, network, needs),
  });
}
