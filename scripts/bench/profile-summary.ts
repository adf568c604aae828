/**
 * Where a V8 CPU profile (`node --cpu-prof`) spends its time: self time per function and per place in the
 * code (our src/, each package, Node's internals), as a few lines of Markdown.
 *
 *   node dist-bench/scripts/bench/profile-summary.js bench-profiles/ours/<file>.cpuprofile
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summariseProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += micros;
    if (frame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const place = placeOf(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
  }
  const busy = total - idle;
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1)}%`;
  const rank = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s profiled; shares are of busy time`,
    '',
    '| where | self time |',
    '|---|---:|',
    ...rank(byPlace).map(([place, micros]) => `| ${place} | ${share(micros)} |`),
    '',
    '| function | self time |',
    '|---|---:|',
    ...rank(byFunction).map(([name, micros]) => `| \`${name}\` | ${share(micros)} |`),
  ].join('\n');
}

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 / native';
  if (url.startsWith('node:')) return 'Node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  const ours = /\/(src\/[^/]+)\//.exec(url) ?? /\/(src)\/[^/]+$/.exec(url);
  if (ours) return `our ${ours[1]}`;
  const bench = /\/scripts\/bench\//.test(url);
  return bench ? 'bench bare app' : url;
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/(node_modules|dist-bench)\//, '$1/').replace(/^node:/, 'node:');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) console.log(`${file}\n\n${summariseProfile(file)}\n`);
}
