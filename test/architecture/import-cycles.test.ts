import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Static imports and re-exports, type-only ones included: a cycle of types still ties two modules together. */
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) =>
      resolve(dirname(file), (match[1] ?? match[2] ?? '').replace(/\.js$/, '.ts')),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle as a list of files, found by depth-first search (each reported once, from its first file). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string) => {
    if (onPath.has(file)) {
      cycles.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    onPath.add(file);
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

/** What a module needs at run time: static imports that are not type-only (those are erased). */
const RUNTIME_IMPORT =
  /^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm;

function runtimeClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT))
      visit(resolve(dirname(file), (match[1] ?? match[2] ?? '').replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

/**
 * The decision as a pipeline, in the order its stages run: a domain file imports only files of its own stage or of
 * earlier ones, so no stage calls back into a later one. Every file of src/domain/ has a place here.
 */
const DOMAIN_STAGES: { stage: string; files: string[] }[] = [
  {
    stage: 'vocabulary',
    files: ['types', 'platform', 'format', 'pricing', 'cost-model', 'ids', 'time-zone', 'near-miss'],
  },
  {
    stage: 'questions and answers',
    files: [
      'steps/options',
      'steps/team-profile',
      'steps/workload',
      'steps/setup',
      'steps/running-it',
      'steps/risk',
      'steps/priorities',
      'questions',
      'answer-fit',
      'figures',
      'validation',
      'words',
      'answer-set',
      'decision',
    ],
  },
  {
    stage: 'workload and cost estimate',
    files: ['cost-people', 'cost-kinesis', 'cost-kafka-cluster', 'cost-msk', 'cost-kafka', 'cost'],
  },
  { stage: 'evidence per row', files: ['answer-parts', 'evidence', 'cost-row', 'weighing'] },
  { stage: 'verdict', files: ['scoring'] },
  { stage: "the team's facts", files: ['person', 'panel', 'panel-evidence', 'disputes'] },
  { stage: 'what would flip it', files: ['flip'] },
  { stage: 'team verdict and its record', files: ['team', 'deliberation', 'decision-record'] },
  { stage: 'public surface', files: ['index'] },
];

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('resolves every relative import to a file of src/', () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => !graph.has(target))
        .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no cycles', () => {
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((file) => relative(SRC, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('keeps the domain pipeline one way: each stage imports only its own and earlier stages', () => {
    const stageOf = new Map(
      DOMAIN_STAGES.flatMap(({ files }, index) =>
        files.map((file) => [join(SRC, 'domain', `${file}.ts`), index]),
      ),
    );
    const domainFiles = [...graph.keys()].filter((file) => relative(SRC, file).startsWith('domain/'));
    expect(domainFiles.filter((file) => !stageOf.has(file)).map((file) => relative(SRC, file))).toEqual([]);
    const backwards = domainFiles.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((target) => (stageOf.get(target) ?? 0) > (stageOf.get(file) ?? 0))
        .map(
          (target) =>
            `${relative(SRC, file)} (${DOMAIN_STAGES[stageOf.get(file) ?? 0]?.stage}) → ${relative(SRC, target)} (${DOMAIN_STAGES[stageOf.get(target) ?? 0]?.stage})`,
        ),
    );
    expect(backwards).toEqual([]);
  });

  it('loads the emulated Slack and the sandbox only when the sandbox runs (a dynamic import)', () => {
    const loaded = [...runtimeClosure(join(SRC, 'index.ts'))].map((file) => relative(SRC, file));
    expect(loaded).toContain('server.ts');
    expect(loaded.filter((file) => /^(emulator|sandbox)\//.test(file))).toEqual([]);
  });
});
