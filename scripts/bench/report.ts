import type { BurstResult } from './burst.js';
import type { LoadResult } from './load.js';
import type { DecisionMemory, TeamVerdictTimings } from './measures.js';

export type AppRun = LoadResult & { webApi: { ok: number; failed: Record<string, number> } };

export interface ScenarioResult {
  name: string;
  bare: AppRun;
  naive: AppRun;
  ours: AppRun;
}

export interface Report {
  machine: {
    cores: number;
    cpu: string;
    os: string;
    node: string;
    redis: string;
    /** 1-minute load average: above the core count, something else competed for the CPU. */
    loadAverage: { atStart: number; atEnd: number };
  };
  settings: { seconds: number; rounds: number; warmupSeconds: number; connections: number };
  scenarios: ScenarioResult[];
  /** Left out with --only. */
  teamVerdict?: TeamVerdictTimings & { respondents: number };
  burst?: BurstResult;
  memory?: DecisionMemory & { respondents: number };
  elapsedSeconds: number;
}

/** The targets of issue 16; ratios are ours ÷ bare (or ÷ naive) from the same run. */
export const TARGETS = {
  /** Per scenario: the least throughput and the most ack p99, as multiples of bare's. */
  vsBare: {
    'slash command': { throughput: 0.6, p99: 1.5 },
    'step submission': { throughput: 0.7, p99: 2 },
    'last step + verdict': { throughput: 0.5, p99: undefined },
  } as Record<string, { throughput: number; p99: number | undefined }>,
  /** Ours must beat the naive implementation of the same work outright, in every scenario. */
  throughputVsNaive: 1,
  teamVerdictMs: 5,
  memoryBytes: 64 * 1024,
  /** A trigger id lives 3 s: every modal of the burst must open within it. */
  burstModalP99Ms: 3_000,
  /** Slack takes one chat.update a second per message. */
  burstUpdateGapMs: 1_000,
} as const;

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');
const ratio = (ours: number, bare: number) => (bare > 0 ? ours / bare : Number.NaN);
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const verdict = (met: boolean) => (met ? 'met   ' : 'MISSED');

export function printReport(report: Report): void {
  const { machine, settings } = report;
  const lines: string[] = [];
  lines.push(
    `Machine: ${machine.cores} × ${machine.cpu}, ${machine.os}, Node ${machine.node}, redis-server ${machine.redis}`,
    `Load: autocannon, ${settings.connections} connections, ${settings.seconds} s per app and scenario in ${settings.rounds} alternating rounds, after ${settings.warmupSeconds} s of warm-up each; run took ${report.elapsedSeconds.toFixed(0)} s`,
    `1-minute load average: ${machine.loadAverage.atStart.toFixed(2)} at start, ${machine.loadAverage.atEnd.toFixed(2)} at end (the bench itself keeps about 2 busy)`,
    '',
    '| scenario | app | req/s | ack p50 | ack p99 | app CPU / req | failed acks | Web API calls after the ack (failed) |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  );
  for (const scenario of report.scenarios) {
    for (const [label, run] of [
      ['bare Bolt', scenario.bare],
      ['naive', scenario.naive],
      ['Stream Verdict', scenario.ours],
    ] as const) {
      const failed = Object.entries(run.webApi.failed).map(([what, count]) => `${count} ${what}`);
      lines.push(
        `| ${label === 'bare Bolt' ? scenario.name : ''} | ${label} | ${run.perSecond.toFixed(0)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${run.appCpuMsPerRequest === undefined ? 'n/a' : ms(run.appCpuMsPerRequest)} | ${run.failures} | ${run.webApi.ok}${failed.length > 0 ? ` (${failed.join(', ')})` : ' (0)'} |`,
      );
    }
    for (const [label, base] of [
      ['bare', scenario.bare],
      ['naive', scenario.naive],
    ] as const) {
      const cpu =
        scenario.ours.appCpuMsPerRequest !== undefined && base.appCpuMsPerRequest !== undefined
          ? times(ratio(scenario.ours.appCpuMsPerRequest, base.appCpuMsPerRequest))
          : 'n/a';
      lines.push(
        `| | **ours ÷ ${label}** | **${times(ratio(scenario.ours.perSecond, base.perSecond))}** | ${times(ratio(scenario.ours.p50Ms, base.p50Ms))} | **${times(ratio(scenario.ours.p99Ms, base.p99Ms))}** | ${cpu} | | |`,
      );
    }
  }

  const { teamVerdict, memory, burst } = report;
  lines.push('', `Targets (ratios from this run, ${settings.connections} connections):`);
  for (const scenario of report.scenarios) {
    const target = TARGETS.vsBare[scenario.name];
    const throughput = ratio(scenario.ours.perSecond, scenario.bare.perSecond);
    const p99 = ratio(scenario.ours.p99Ms, scenario.bare.p99Ms);
    const vsNaive = ratio(scenario.ours.perSecond, scenario.naive.perSecond);
    if (target) {
      lines.push(
        `  ${verdict(throughput >= target.throughput)} ${scenario.name} throughput ≥ ${target.throughput}× bare: ${times(throughput)}`,
      );
      if (target.p99 !== undefined)
        lines.push(
          `  ${verdict(p99 <= target.p99)} ${scenario.name} ack p99 ≤ ${target.p99}× bare: ${times(p99)}`,
        );
    }
    lines.push(
      `  ${verdict(vsNaive >= TARGETS.throughputVsNaive)} ${scenario.name} throughput ≥ ${TARGETS.throughputVsNaive}× naive: ${times(vsNaive)}`,
    );
  }
  lines.push(
    '  (test) Redis round trips: 1 per step submission, 2 per slash command: counted with MONITOR in test/e2e/redis-round-trips.test.ts',
  );
  if (burst) {
    lines.push(
      `  ${verdict(burst.modalP99Ms <= TARGETS.burstModalP99Ms && burst.modalsMissing === 0)} burst: ${burst.people} people press Answer within ${burst.spreadMs} ms, modal opened p99 ≤ ${TARGETS.burstModalP99Ms} ms: p99 ${ms(burst.modalP99Ms)}, p50 ${ms(burst.modalP50Ms)}, ${burst.modalsMissing} not opened`,
      `  ${verdict(burst.shortestUpdateGapMs >= TARGETS.burstUpdateGapMs)} burst: ${burst.people} people finish within ${burst.spreadMs} ms, chat.update of the decision message at most once per ${TARGETS.burstUpdateGapMs} ms: ${burst.updates} updates over ${(burst.updatesSpanMs / 1000).toFixed(1)} s, shortest gap ${ms(burst.shortestUpdateGapMs)} (finish ack p99 ${ms(burst.finishAckP99Ms)})`,
      `  ${verdict(burst.finalCount === burst.people)} burst: the last update counts all ${burst.people}: it counts ${burst.finalCount}${burst.finalAfterMs === undefined ? ' (gave up waiting)' : `, ${(burst.finalAfterMs / 1000).toFixed(1)} s after the first finish`}`,
    );
  }
  if (teamVerdict) {
    const { respondents, cold, onePersonChanged: warm } = teamVerdict;
    lines.push(
      `  ${verdict(warm.medianMs <= TARGETS.teamVerdictMs)} team verdict for ${respondents} respondents ≤ ${TARGETS.teamVerdictMs} ms, one person changed, ${respondents - 1} scores reused (a publish): median ${ms(warm.medianMs)}, p95 ${ms(warm.p95Ms)} over ${warm.runs} runs (score who changed, aggregate, flip, argument camps, build the message)`,
      `  ${verdict(cold.medianMs <= TARGETS.teamVerdictMs)} the same, cold (every person scored: the first publish on an instance): median ${ms(cold.medianMs)}, p95 ${ms(cold.p95Ms)} over ${cold.runs} runs`,
    );
  }
  if (memory) {
    const kinds = Object.entries(memory.byKind)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([kind, sum]) => `${kind} ${(sum.bytes / 1024).toFixed(1)} KB in ${sum.keys}`);
    lines.push(
      `  ${verdict(memory.bytes <= TARGETS.memoryBytes)} Redis memory for a decision with ${memory.respondents} respondents ≤ 64 KB: ${(memory.bytes / 1024).toFixed(1)} KB over ${memory.keys} keys (MEMORY USAGE, SAMPLES 0; answers hashes are ${memory.answersEncoding})`,
      `         by kind of key: ${kinds.join(', ')}`,
    );
  }
  console.log(lines.join('\n'));
}
