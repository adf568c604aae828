import type { LoadResult } from './load.js';
import type { DecisionMemory, Timing } from './measures.js';

export type AppRun = LoadResult & { webApi: { ok: number; failed: Record<string, number> } };

export interface ScenarioResult {
  name: string;
  bare: AppRun;
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
  teamVerdict?: Timing & { respondents: number };
  memory?: DecisionMemory & { respondents: number };
  elapsedSeconds: number;
}

/** The targets of issue 7; ratios are ours ÷ bare from the same run. */
export const TARGETS = {
  slashThroughputRatio: 0.8,
  p99Ratio: 1.5,
  teamVerdictMs: 5,
  memoryBytes: 64 * 1024,
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
      ['Stream Verdict', scenario.ours],
    ] as const) {
      const failed = Object.entries(run.webApi.failed).map(([what, count]) => `${count} ${what}`);
      lines.push(
        `| ${label === 'bare Bolt' ? scenario.name : ''} | ${label} | ${run.perSecond.toFixed(0)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${run.appCpuMsPerRequest === undefined ? 'n/a' : ms(run.appCpuMsPerRequest)} | ${run.failures} | ${run.webApi.ok}${failed.length > 0 ? ` (${failed.join(', ')})` : ' (0)'} |`,
      );
    }
    const cpu =
      scenario.ours.appCpuMsPerRequest !== undefined && scenario.bare.appCpuMsPerRequest !== undefined
        ? times(ratio(scenario.ours.appCpuMsPerRequest, scenario.bare.appCpuMsPerRequest))
        : 'n/a';
    lines.push(
      `| | **ours ÷ bare** | **${times(ratio(scenario.ours.perSecond, scenario.bare.perSecond))}** | ${times(ratio(scenario.ours.p50Ms, scenario.bare.p50Ms))} | **${times(ratio(scenario.ours.p99Ms, scenario.bare.p99Ms))}** | ${cpu} | | |`,
    );
  }

  const slash = report.scenarios.find((scenario) => scenario.name === 'slash command');
  const slashThroughput = slash ? ratio(slash.ours.perSecond, slash.bare.perSecond) : Number.NaN;
  const p99Ratios = report.scenarios.map((scenario) => ({
    name: scenario.name,
    value: ratio(scenario.ours.p99Ms, scenario.bare.p99Ms),
  }));
  const { teamVerdict, memory } = report;
  lines.push(
    '',
    `Targets (ratios from this run, ${settings.connections} connections):`,
    `  ${verdict(slashThroughput >= TARGETS.slashThroughputRatio)} slash-command throughput ≥ ${TARGETS.slashThroughputRatio}× bare: ${times(slashThroughput)}`,
    ...p99Ratios.map(
      (p99) =>
        `  ${verdict(p99.value <= TARGETS.p99Ratio)} ack p99 ≤ ${TARGETS.p99Ratio}× bare, ${p99.name}: ${times(p99.value)}`,
    ),
    '  (test) Redis round trips: 1 per step submission, 3 per slash command: counted with MONITOR in test/e2e/redis-round-trips.test.ts',
  );
  if (teamVerdict) {
    lines.push(
      `  ${verdict(teamVerdict.medianMs <= TARGETS.teamVerdictMs)} team verdict for ${teamVerdict.respondents} respondents ≤ ${TARGETS.teamVerdictMs} ms: median ${ms(teamVerdict.medianMs)}, p95 ${ms(teamVerdict.p95Ms)} over ${teamVerdict.runs} runs (score, aggregate, build the message)`,
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
