/**
 * Kinesis designed as an engineer would design it: shards for the peak's bytes and records, classic (polling)
 * readers while a shard's 5 calls and 2 MB/s a second go round, enhanced fan-out past that within its cap per
 * stream, several streams beyond it; producers aggregating small records; on-demand with its cap on shared reads;
 * On-demand Advantage where the volume reaches its commitment.
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
  recordsPerSecond,
  storedGb,
  type Unavailable,
  type Workload,
} from './cost-model.js';
import { formatNumber, formatUsd } from './format.js';
import { CAPACITY, type PriceTable } from './pricing.js';

/** The KPL's default buffering time: it packs what arrives in this window into one Kinesis record. */
const AGGREGATION_WINDOW_S = 0.1;
/** Classic readers a shard can serve, each polling it once a second within its 5 calls a second. */
const CLASSIC_READERS_PER_SHARD =
  CAPACITY.kinesisShardReadCallsPerSecond / CAPACITY.kinesisClassicPollsPerSecond;

export function kinesisOut(workload: Workload): Unavailable | undefined {
  if (workload.recordKb > CAPACITY.kinesisMaxRecordKb) {
    return {
      available: false,
      reason: `records of ${formatKb(workload.recordKb)} are over its 10 MiB maximum (keep such payloads in S3 and stream a pointer)`,
    };
  }
  if (workload.retentionDays > CAPACITY.kinesisMaxRetentionDays) {
    return { available: false, reason: 'it keeps records for at most 365 days' };
  }
  return undefined;
}

/** Producers pack records smaller than a PUT unit, so neither the records-per-second limit nor rounding binds. */
function aggregates(workload: Workload): boolean {
  return workload.recordKb < CAPACITY.kinesisPutUnitKb;
}

/**
 * The size of the records Kinesis actually receives: what the buffer window gathers per shard, packed in whole
 * PUT units (25 KB) once there is that much, up to 1 MB.
 */
function writtenRecordKb(workload: Workload, shards: number): number {
  if (!aggregates(workload)) return workload.recordKb;
  const gathered = (workload.avgWriteMbps * 1024 * AGGREGATION_WINDOW_S) / shards;
  const unit = CAPACITY.kinesisPutUnitKb;
  if (gathered < unit) return Math.max(workload.recordKb, gathered);
  const fullUnits = Math.floor(Math.min(gathered, CAPACITY.kinesisAggregatedRecordKb) / unit);
  return fullUnits * unit;
}

/** How a stream's readers are served: some polling (classic), the rest pushed to (enhanced fan-out). */
interface Readers {
  streams: number;
  classic: number;
  fanOut: number;
}

/**
 * The readers billed over all streams: `streams` × (classic + fanOut) is the most a design holds, and where the
 * readers do not fill the last places, a stream short of one reader drops a fan-out reader first (25 readers over
 * two streams of 13 are 25, not 26, billed).
 */
function billedReaders(
  readers: number,
  { streams, classic, fanOut }: Readers,
): { classic: number; fanOut: number } {
  const spare = Math.max(0, streams * (classic + fanOut) - readers);
  const fanOutSpare = Math.min(spare, streams * fanOut);
  return { classic: streams * classic - (spare - fanOutSpare), fanOut: streams * fanOut - fanOutSpare };
}

/** Splits the readers over as few streams as their caps allow, evenly. */
function streamsFor(readers: number, perStream: number): { streams: number; perStream: number } {
  const streams = ceilCount(readers / perStream);
  return { streams, perStream: ceilCount(readers / streams) };
}

export function kinesisProvisioned(workload: Workload, pricing: PriceTable): Priced {
  const out = kinesisOut(workload);
  if (out) return out;
  const peak = workload.peakWriteMbps;
  const peakRecords = aggregates(workload) ? 0 : recordsPerSecond(peak, workload.recordKb);
  const writeShards = ceilCount(
    Math.max(
      1,
      peak / CAPACITY.kinesisShardWriteMbps,
      peakRecords / CAPACITY.kinesisShardWriteRecordsPerSecond,
    ),
  );
  const { streams, perStream } = streamsFor(
    workload.consumerGroups,
    CLASSIC_READERS_PER_SHARD + CAPACITY.kinesisEfoReadersPerStream,
  );

  // Try every split of a stream's readers between polling and fan-out over the fewest streams that hold them, and
  // keep the cheapest. No stream is added to save fan-out or shards: producers writing every record to a second
  // stream lose one ordered, atomic write, and a copier takes a reader slot of its own and a bill nobody prices;
  // AWS's answer to many readers is enhanced fan-out.
  let best: Design | undefined;
  let overLimit: Design | undefined;
  for (let classic = Math.min(perStream, CLASSIC_READERS_PER_SHARD); classic >= 0; classic--) {
    const fanOut = perStream - classic;
    if (fanOut > CAPACITY.kinesisEfoReadersPerStream) break;
    const shards = ceilCount(Math.max(writeShards, (peak * classic) / CAPACITY.kinesisShardReadMbps));
    const design = priceProvisioned(workload, pricing, shards, { streams, classic, fanOut });
    if (design.units > CAPACITY.kinesisShardsPerAccount) {
      if (!overLimit || design.units < overLimit.units) overLimit = design;
    } else if (!best || design.machinesUsd < best.machinesUsd) best = design;
  }
  if (best) return best;
  if (!overLimit) return { available: false, reason: 'no design serves this many readers' };
  return {
    available: false,
    reason: `it would take ${formatNumber(overLimit.units)} shards, over the ${formatNumber(CAPACITY.kinesisShardsPerAccount)} an account may have without a quota raise`,
  };
}

function priceProvisioned(workload: Workload, pricing: PriceTable, shards: number, readers: Readers): Design {
  const { streams, classic, fanOut } = readers;
  const recordKb = writtenRecordKb(workload, shards);
  const putUnitsPerRecord = ceilCount(recordKb / CAPACITY.kinesisPutUnitKb);
  const recordsPerMonth = (gbPerMonth(workload.avgWriteMbps) * 1024 * 1024) / recordKb;
  const priced = bill(pricing);
  priced.add('shard-hours', 'kinesisShardHour', streams * shards * HOURS);
  priced.add(
    'PUT payload units',
    'kinesisPutUnitsPerMillion',
    (streams * recordsPerMonth * putUnitsPerRecord) / 1e6,
  );
  if (workload.retentionDays > CAPACITY.kinesisIncludedRetentionDays) {
    priced.add('retention up to 7 days', 'kinesisExtendedRetentionShardHour', streams * shards * HOURS);
  }
  priced.add('retention beyond 7 days', 'kinesisLongTermRetentionGbMonth', streams * longTermGb(workload));
  const billed = billedReaders(workload.consumerGroups, readers);
  priced.add('enhanced fan-out readers', 'kinesisEfoConsumerShardHour', billed.fanOut * shards * HOURS);
  priced.add(
    'enhanced fan-out data read',
    'kinesisEfoGbRead',
    billed.fanOut * gbPerMonth(workload.avgWriteMbps),
  );
  const peakWrittenRecords = recordsPerSecond(workload.peakWriteMbps, recordKb);
  const limits: LimitUse[] = [
    ...commonLimits(workload),
    {
      what: 'shards per account',
      used: streams * shards,
      limit: CAPACITY.kinesisShardsPerAccount,
      scope: 'overall',
    },
    {
      what: 'enhanced fan-out readers per stream',
      used: fanOut,
      limit: CAPACITY.kinesisEfoReadersPerStream,
      scope: 'overall',
    },
    { what: 'MB/s written per shard', used: workload.peakWriteMbps / shards, limit: 1, scope: 'per unit' },
    {
      what: 'records/s written per shard',
      used: peakWrittenRecords / shards,
      limit: CAPACITY.kinesisShardWriteRecordsPerSecond,
      scope: 'per unit',
    },
    {
      what: 'MB/s read per shard by polling readers',
      used: (workload.peakWriteMbps * classic) / shards,
      limit: CAPACITY.kinesisShardReadMbps,
      scope: 'per unit',
    },
    {
      what: 'GetRecords calls/s per shard',
      used: classic * CAPACITY.kinesisClassicPollsPerSecond,
      limit: CAPACITY.kinesisShardReadCallsPerSecond,
      scope: 'per unit',
    },
  ];
  const perStream = `${countOf(shards, 'shard')}${readersWords(classic, fanOut)}`;
  return priced.done({
    units: streams * shards,
    design: streams === 1 ? perStream : `${streams} streams of ${perStream}`,
    ...largeRecords(workload),
    notes: [...kinesisNotes(workload, pricing), ...streamsNote(workload, streams)],
    limits,
  });
}

export function kinesisOnDemand(workload: Workload, pricing: PriceTable, advantage: boolean): Priced {
  const out = kinesisOut(workload);
  if (out) return out;
  if (workload.peakWriteMbps > CAPACITY.kinesisOnDemandMaxWriteMbps) {
    return {
      available: false,
      reason: `peak writes of ${formatNumber(workload.peakWriteMbps)} MB/s are over on-demand’s 10 GB/s`,
    };
  }
  if (advantage && workload.avgWriteMbps < CAPACITY.kinesisAdvantageMinWriteMbps) {
    return {
      available: false,
      reason: `it asks for a commitment of about ${CAPACITY.kinesisAdvantageMinWriteMbps} MB/s written, more than this stream’s ${formatNumber(workload.avgWriteMbps)} MB/s`,
    };
  }
  // Shared reads stop at twice the writes: two full-rate polling readers; the rest need enhanced fan-out. The
  // fewest streams are always cheapest here: another stream bills every GB written again ($0.08) to move two
  // readers from fan-out reads ($0.05 a GB) to polling ($0.04), where provisioned streams can save shards.
  const classicCap = CAPACITY.kinesisOnDemandSharedReadFactor;
  const fanOutCap = advantage
    ? CAPACITY.kinesisAdvantageEfoReadersPerStream
    : CAPACITY.kinesisEfoReadersPerStream;
  const { streams, perStream } = streamsFor(workload.consumerGroups, classicCap + fanOutCap);
  const classic = Math.min(perStream, classicCap);
  const fanOut = perStream - classic;

  // On-demand bills each record as a whole number of kilobytes, at least one. Producers pack records only where
  // that bills less: 2 KB records are billed as they are, where packed at the peak's shards they would be 2.05 KB
  // each, billed as 3.
  const internalShards = Math.max(CAPACITY.kinesisOnDemandStartWriteMbps, ceilCount(workload.peakWriteMbps));
  const billedShare = (recordKb: number) =>
    Math.max(CAPACITY.kinesisOnDemandRecordRoundingKb, ceilCount(recordKb)) / recordKb;
  const rounding = Math.min(
    billedShare(workload.recordKb),
    billedShare(writtenRecordKb(workload, internalShards)),
  );
  const written = gbPerMonth(
    advantage
      ? Math.max(workload.avgWriteMbps, CAPACITY.kinesisAdvantageMinWriteMbps)
      : workload.avgWriteMbps,
  );
  const gbWritten = written * rounding;
  const extendedDays =
    Math.min(workload.retentionDays, CAPACITY.kinesisExtendedRetentionDays) -
    CAPACITY.kinesisIncludedRetentionDays;

  const priced = bill(pricing);
  if (!advantage) priced.add('stream-hours', 'kinesisOnDemandStreamHour', streams * HOURS);
  priced.add(
    advantage ? 'data written (at least the commitment)' : 'data written',
    advantage ? 'kinesisAdvantageGbWritten' : 'kinesisOnDemandGbWritten',
    streams * gbWritten,
  );
  const billed = billedReaders(workload.consumerGroups, { streams, classic, fanOut });
  priced.add(
    'data read by polling readers',
    advantage ? 'kinesisAdvantageGbRead' : 'kinesisOnDemandGbRead',
    billed.classic * gbWritten,
  );
  priced.add(
    'enhanced fan-out data read',
    advantage ? 'kinesisAdvantageEfoGbRead' : 'kinesisOnDemandEfoGbRead',
    billed.fanOut * gbWritten,
  );
  priced.add(
    'retention up to 7 days',
    advantage ? 'kinesisAdvantageExtendedRetentionGbMonth' : 'kinesisOnDemandExtendedRetentionGbMonth',
    streams * storedGb(workload.avgWriteMbps, Math.max(0, extendedDays)),
  );
  priced.add('retention beyond 7 days', 'kinesisLongTermRetentionGbMonth', streams * longTermGb(workload));
  const notes = kinesisNotes(workload, pricing);
  if (workload.peakWriteMbps > CAPACITY.kinesisOnDemandStartWriteMbps) {
    notes.push(
      `A new on-demand stream starts at ${CAPACITY.kinesisOnDemandStartWriteMbps} MB/s of writes and grows with traffic: a first peak of ${formatNumber(workload.peakWriteMbps)} MB/s may be throttled unless the stream is created at that size`,
    );
  }
  if (streams > 1) {
    notes.push(
      `${countOf(workload.consumerGroups, 'reading service')} are more than one on-demand stream serves, so every record is written to ${streams} streams`,
    );
  }
  return priced.done({
    units: streams,
    design: `${streams === 1 ? 'one stream' : `${streams} streams`}${readersWords(classic, fanOut)}`,
    ...largeRecords(workload),
    notes,
    limits: [
      ...commonLimits(workload),
      {
        what: 'on-demand writes, MB/s',
        used: workload.peakWriteMbps,
        limit: CAPACITY.kinesisOnDemandMaxWriteMbps,
        scope: 'overall',
      },
      { what: 'enhanced fan-out readers per stream', used: fanOut, limit: fanOutCap, scope: 'overall' },
      {
        what: 'polling readers at full rate per stream',
        used: classic,
        limit: classicCap,
        scope: 'per unit',
      },
    ],
  });
}

function readersWords(classic: number, fanOut: number): string {
  if (fanOut === 0) return classic > 1 ? `, ${classic} readers polling` : '';
  if (classic === 0) return `, ${countOf(fanOut, 'reader')} on enhanced fan-out`;
  return `, ${classic} polling + ${fanOut} on enhanced fan-out`;
}

function commonLimits(workload: Workload): LimitUse[] {
  return [
    {
      what: 'record size, KB',
      used: workload.recordKb,
      limit: CAPACITY.kinesisMaxRecordKb,
      scope: 'overall',
    },
    {
      what: 'days kept',
      used: workload.retentionDays,
      limit: CAPACITY.kinesisMaxRetentionDays,
      scope: 'overall',
    },
  ];
}

/** Why every record is written to more than one stream, if it is: more readers than one holds. */
function streamsNote(workload: Workload, streams: number): string[] {
  if (streams === 1) return [];
  return [
    `${countOf(workload.consumerGroups, 'reading service')} are more than one stream serves (5 polling + ${CAPACITY.kinesisEfoReadersPerStream} on enhanced fan-out), so every record is written to ${streams} streams`,
  ];
}

/** Records over the default maximum on average, not now and then: Kinesis takes them, but is not meant for them. */
function largeRecords(workload: Workload): { stretch?: string } {
  if (workload.recordKb <= CAPACITY.kinesisDefaultMaxRecordKb) return {};
  return {
    stretch: `records average ${formatKb(workload.recordKb)}, where Kinesis takes records over 1 MiB only once the stream’s maximum is raised and means them to be occasional; keeping payloads in S3 and streaming a pointer is the usual design`,
  };
}

function kinesisNotes(workload: Workload, pricing: PriceTable): string[] {
  const notes: string[] = [];
  const olderGb = longTermGb(workload);
  if (olderGb > 0) {
    // Not in the monthly bill: how often a team replays its history is not something the answers say.
    const price = pricing.prices.kinesisLongTermRetrievalGb.usd;
    notes.push(
      `Reading records older than 7 days costs $${Number(price.toPrecision(4))} a GB on top: one replay of all ${formatNumber(Math.round(olderGb))} GB kept beyond 7 days, about ${formatUsd(olderGb * price)}`,
    );
  }
  if (aggregates(workload)) {
    notes.push(
      `Producers aggregate the ${formatKb(workload.recordKb)} records into Kinesis records of up to 1 MB (the Kinesis Producer Library or the like); readers de-aggregate them (the KCL and Lambda do). The figures pack 100 ms of a shard's records together, as one producer would: many producer hosts each pack less, which takes more PUT units and can reach a shard's 1,000 records/s`,
    );
  }
  if (workload.recordKb > CAPACITY.kinesisDefaultMaxRecordKb) {
    notes.push(
      `Records of ${formatKb(workload.recordKb)} need the stream’s maximum record size raised (UpdateMaxRecordSize, up to 10 MiB); Kinesis means large records to be occasional, and each shard still takes 1 MB/s`,
    );
  }
  return notes;
}

function longTermGb(workload: Workload): number {
  return storedGb(
    workload.avgWriteMbps,
    Math.max(0, workload.retentionDays - CAPACITY.kinesisExtendedRetentionDays),
  );
}
