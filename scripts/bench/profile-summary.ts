/**
 * Where a V8 CPU profile (`node --cpu-prof`) spends its time, as a few lines of Markdown: per area of work
 * (each sample goes to the nearest frame on its stack that belongs to a known area, so a socket write made
 * for ioredis counts as Redis and one made for the Web API client as Web API), and self time per function.
 *
 *   node dist-bench/scripts/bench/profile-summary.js bench-profiles/ours/<file>.cpuprofile
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Loading and evaluating modules, wherever it shows on the stack: start-up, not requests. */
const STARTUP = /^node:internal\/(modules\/|main\/run_main_module)/;
const STARTUP_AREA = 'start-up (loading modules; not counted per request)';

/** Areas of work, tried from the sampled frame up the stack; the first match wins. */
const AREAS: [area: string, url: RegExp][] = [
  ['Redis client (ioredis)', /node_modules\/(ioredis|@ioredis|denque|redis-errors|standard-as-callback)\//],
  [
    'Slack Web API client (@slack/web-api, fetch)',
    /node_modules\/(@slack\/web-api|axios|undici|form-data|p-queue|p-retry|retry)\/|^node:internal\/(deps\/undici|webstreams|abort_controller)/,
  ],
  ['validation (zod)', /node_modules\/zod\//],
  ['our Block Kit builders (src/slack/views)', /\/src\/slack\/views\//],
  ['our domain (src/domain)', /\/src\/domain\//],
  ['our store adapters (src/store)', /\/src\/store\//],
  ['our listeners (src/slack)', /\/src\/slack\//],
  ['Bolt (receive, verify, route, ack)', /node_modules\/(@slack\/bolt|raw-body|tsscmp|path-to-regexp)\//],
  ['bench bare app', /\/scripts\/bench\//],
];

/** `requests`: how many requests the profiled process acknowledged, to show CPU per request by area. */
export function summariseProfile(file: string, requests?: number, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stackOf = (id: number): CallFrame[] => {
    const frames: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame) frames.push(frame);
    }
    return frames;
  };
  const areaOf = (stack: CallFrame[]): string => {
    if (stack.some((frame) => STARTUP.test(frame.url))) return STARTUP_AREA;
    const known = stack.map((frame) => AREAS.find(([, pattern]) => pattern.test(frame.url))).find(Boolean);
    if (known) return known[0];
    if (stack[0]?.functionName === '(garbage collector)') return 'garbage collector';
    return 'Node (HTTP server, sockets, timers) and other';
  };

  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of selfMicros) {
    const stack = stackOf(id);
    const frame = stack[0];
    if (!frame) continue;
    total += micros;
    if (frame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    const area = areaOf(stack);
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
  }

  const busy = total - idle;
  const serving = busy - (byArea.get(STARTUP_AREA) ?? 0);
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1)}%`;
  const perRequest = (area: string, micros: number) => {
    if (!requests) return '';
    return area === STARTUP_AREA ? ' | |' : ` | ${(micros / 1000 / requests).toFixed(3)} ms |`;
  };
  const rank = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s profiled; shares are of busy time` +
      (requests
        ? `; ${requests} requests acknowledged: ${(serving / 1000 / requests).toFixed(3)} ms CPU each after start-up`
        : ''),
    '',
    requests ? '| area of work | time | per request |' : '| area of work | time |',
    requests ? '|---|---:|---:|' : '|---|---:|',
    ...rank(byArea).map(
      ([area, micros]) => `| ${area} | ${share(micros)}${perRequest(area, micros) || ' |'}`,
    ),
    '',
    '| function | self time |',
    '|---|---:|',
    ...rank(byFunction).map(([name, micros]) => `| \`${name}\` | ${share(micros)} |`),
  ].join('\n');
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/(node_modules|dist-bench)\//, '$1/');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) console.log(`${file}\n\n${summariseProfile(file)}\n`);
}
