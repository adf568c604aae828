/**
 * `npm run bench`: Stream Verdict against two baselines, in one run, on this machine: the cheapest Bolt app
 * that does the same on the wire (bare-app.ts), and the same work written the straightforward way
 * (naive-app.ts). All run in HTTP mode as child processes against one emulated Slack (src/emulator) and one
 * real redis-server of the run's own, and are driven in turn by autocannon with signed requests: slash
 * commands, questionnaire step submissions, then last-step submissions that publish the verdict. Then a
 * burst on ours (burst.ts), the team verdict for 300 respondents and a 50-respondent decision in Redis.
 *
 * Options: --seconds=<n> measured per app and scenario (default 10), taken in --rounds=<n> turns (default 5)
 * alternating with the other apps; --warmup=<n> seconds first (default 3); --connections=<n> (default 10);
 * --only=<scenario name prefix> (`memory`: only the weighing of a decision in Redis); --profile (write V8 CPU
 * profiles of the apps to bench-profiles/ and summarise them).
 * Everything listens on loopback only and stops by itself.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEPS } from '../../src/domain/questions.js';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.js';
import { BLOCK_IDS } from '../../src/slack/ids.js';
import { freePort, type RedisServerHandle, startRedisServer } from '../../test/support/redis-server.js';
import { type Respondent, randomRespondent, seededRandom } from './answers.js';
import { type BurstResult, runBurst } from './burst.js';
import { combine, drive, type LoadSlice } from './load.js';
import {
  type DecisionMemory,
  decisionMemory,
  TEAM_VERDICT_RESPONDENTS,
  type TeamVerdictTimings,
  userIdFor,
} from './measures.js';
import { NAIVE_KEYS, type NaiveDecision } from './naive-keys.js';
import { type ChildApp, startChildApp } from './processes.js';
import { summariseProfile } from './profile-summary.js';
import { type AppRun, printReport, type ScenarioResult } from './report.js';
import {
  inTurn,
  type RequestSource,
  type SubmissionTemplate,
  signed,
  slashCommands,
  stepSubmissionBody,
} from './requests.js';

const SIGNING_SECRET = randomBytes(16).toString('hex');
const BOT_TOKEN = `xoxb-0000000001-0000000002-${randomBytes(12).toString('hex')}`;
const LAST_STEP = STEPS.length - 1;
const DECISIONS = 20;
const PEOPLE_PER_DECISION = 5;
const MEMORY_RESPONDENTS = 50;
const BURST_PEOPLE = 300;
const BURST_SPREAD_MS = 1_000;

const option = (name: string, fallback: number) => {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const value = given === undefined ? fallback : Number(given);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const settings = {
  seconds: option('seconds', 10),
  warmupSeconds: option('warmup', 3),
  rounds: option('rounds', 5),
  connections: option('connections', 10),
  profile: process.argv.includes('--profile'),
  only: process.argv.find((arg) => arg.startsWith('--only='))?.split('=')[1],
};
/** Requests each app acknowledged over the whole run, warm-ups included, to put a profile per request. */
const acknowledgedBy = new Map<string, number>();
async function countRequests(app: ChildApp, slice: Promise<LoadSlice>): Promise<LoadSlice> {
  const done = await slice;
  acknowledgedBy.set(app.name, (acknowledgedBy.get(app.name) ?? 0) + done.latencies.length);
  return done;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const profileRoot = join(process.cwd(), 'bench-profiles');

async function main() {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  // With --only, the run (and so a profile) holds that scenario's load and nothing else.
  const wants = (name: string) => !settings.only || name.startsWith(settings.only);
  // First, on a machine with nothing else of the bench running yet. Timed after the scenarios, even with the
  // apps stopped, it ran 1.4-1.7x slower on Node 24 in three full runs (6.5-6.7 ms against 3.9-4.9 ms with
  // --only=team): the bench's own process, holding the emulated workspace of every scenario, was still busy.
  const teamVerdict = wants('team') ? await timeTeamVerdictApart() : undefined;
  const redis = await startRedisServer();
  const slack = await startSlackEmulator({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    maxRecordedCalls: 0,
  });
  const apps: ChildApp[] = [];
  try {
    if (settings.profile) rmSync(profileRoot, { recursive: true, force: true });
    const env = {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    };
    const nodeFlags = (name: string) => {
      if (!settings.profile) return [];
      mkdirSync(join(profileRoot, name), { recursive: true });
      return ['--cpu-prof', `--cpu-prof-dir=${join(profileRoot, name)}`];
    };
    const [bare, naive, ours] = await Promise.all([
      startChildApp({
        name: 'bare',
        entry: join(here, 'bare-app.js'),
        port: await freePort(),
        env,
        nodeFlags: nodeFlags('bare'),
      }),
      startChildApp({
        name: 'naive',
        entry: join(here, 'naive-app.js'),
        port: await freePort(),
        env: { ...env, REDIS_URL: redis.url },
        nodeFlags: nodeFlags('naive'),
      }),
      startChildApp({
        name: 'ours',
        entry: join(here, '../../src/index.js'),
        port: await freePort(),
        env: { ...env, REDIS_URL: redis.url },
        nodeFlags: nodeFlags('ours'),
      }),
    ]);
    apps.push(bare, naive, ours);

    const people = wants('step') || wants('last') ? await seedDecisions(slack, ours, redis) : [];
    const stepBodies: SubmissionTemplate[] = [];
    const lastBodies: SubmissionTemplate[] = [];
    for (const person of people) {
      for (let step = 0; step <= LAST_STEP; step++) {
        const body = stepSubmissionBody({
          slack,
          ...person,
          step,
          values: person.respondent.raw[step] ?? {},
        });
        (step === LAST_STEP ? lastBodies : stepBodies).push(body);
      }
    }

    const scenarios: {
      name: string;
      source: () => RequestSource;
      before?: (app: ChildApp) => Promise<void>;
    }[] = [
      {
        name: 'slash command',
        source: () =>
          slashCommands({ slack, signingSecret: SIGNING_SECRET, channel: 'C0BENCH', people: 200 }),
      },
      { name: 'step submission', source: () => inTurn(SIGNING_SECRET, stepBodies) },
      {
        name: 'last step + verdict',
        source: () => inTurn(SIGNING_SECRET, lastBodies),
        // Every person must have saved every earlier step, or the last one sends them back to the gap.
        before: (app) =>
          sendEach(
            app,
            stepBodies.map((submission) => submission.body),
          ),
      },
    ];
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios.filter((candidate) => wants(candidate.name))) {
      const slices: Record<string, LoadSlice[]> = { bare: [], naive: [], ours: [] };
      const webApi: Record<string, { ok: number; failed: Record<string, number> }[]> = {
        bare: [],
        naive: [],
        ours: [],
      };
      const load = (app: ChildApp, seconds: number) =>
        countRequests(
          app,
          drive({
            app,
            source: scenario.source(),
            seconds,
            connections: settings.connections,
            settled: () => quiet(slack),
          }),
        );
      for (const app of [bare, naive, ours]) {
        await scenario.before?.(app);
        await load(app, settings.warmupSeconds);
      }
      // Turn about, so whatever else the machine does in the meantime weighs on every app alike, and in the
      // opposite order every other round: the same build measured in naive's place and in ours ran 0.83x to
      // 0.97x itself, in one order.
      for (let round = 0; round < settings.rounds; round++) {
        for (const app of round % 2 === 0 ? [bare, naive, ours] : [ours, naive, bare]) {
          const before = slack.server.tally();
          slices[app.name]?.push(await load(app, settings.seconds / settings.rounds));
          webApi[app.name]?.push(tallyDelta(before, slack.server.tally()));
        }
      }
      const result = (name: string): AppRun => ({
        ...combine(slices[name] ?? []),
        webApi: sumTallies(webApi[name] ?? []),
      });
      results.push({
        name: scenario.name,
        bare: result('bare'),
        naive: result('naive'),
        ours: result('ours'),
      });
      console.error(
        `bench: ${scenario.name}: bare ${result('bare').perSecond.toFixed(0)} req/s, naive ${result('naive').perSecond.toFixed(0)} req/s, ours ${result('ours').perSecond.toFixed(0)} req/s`,
      );
    }

    const random = seededRandom(300);
    const crowd = Array.from({ length: TEAM_VERDICT_RESPONDENTS }, () => randomRespondent(random));
    const burst = wants('burst') ? await burstOn(slack, ours) : undefined;
    if (burst)
      console.error(`bench: burst: modal p99 ${burst.modalP99Ms.toFixed(0)} ms, ${burst.updates} updates`);
    const memory = wants('memory')
      ? await weighDecision(slack, ours, redis, crowd.slice(0, MEMORY_RESPONDENTS))
      : undefined;

    await Promise.all(apps.splice(0).map((app) => app.stop()));
    printReport({
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
        os: `Linux ${release()}`,
        node: process.version,
        redis: await redisVersion(redis),
        loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
      },
      settings,
      scenarios: results,
      ...(teamVerdict ? { teamVerdict: { respondents: TEAM_VERDICT_RESPONDENTS, ...teamVerdict } } : {}),
      ...(burst ? { burst } : {}),
      ...(memory ? { memory: { respondents: MEMORY_RESPONDENTS, ...memory } } : {}),
      elapsedSeconds: (Date.now() - started) / 1000,
    });
    if (settings.profile) {
      for (const name of ['bare', 'naive', 'ours']) {
        const dir = join(profileRoot, name);
        for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.cpuprofile'))) {
          console.log(`\n### CPU profile: ${name} (${join('bench-profiles', name, file)})\n`);
          console.log(summariseProfile(join(dir, file), acknowledgedBy.get(name)));
        }
      }
    }
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await slack.close();
    await redis.destroy();
  }
}

interface Person {
  userId: string;
  decisionId: string;
  decisionTitle: string;
  respondent: Respondent;
}

/** Starts a decision on our app the way a person does, in a channel of its own; returns the decision's id. */
async function startDecision(
  slack: SlackEmulator,
  ours: ChildApp,
  channel: string,
  title: string,
): Promise<string> {
  const starter = slack.actorFor(userIdFor(0), {
    appEventsUrl: `http://127.0.0.1:${ours.port}/slack/events`,
  });
  await starter.runSlashCommand({ channel, command: '/stream-verdict', text: title });
  const message = await slack.workspace.waitFor(() => slack.workspace.messagesIn(channel)[0], {
    timeoutMs: 5_000,
    what: `the decision message in ${channel}`,
  });
  const actions = message.blocks?.find((block) => block.block_id === BLOCK_IDS.decisionActions) as
    | { elements: { value?: string }[] }
    | undefined;
  const decisionId = actions?.elements[0]?.value;
  if (!decisionId) throw new Error('the decision message has no button');
  return decisionId;
}

/**
 * Decisions to answer in the submission scenarios, each with its own channel and people: started through ours,
 * and written where the naive app keeps its decisions, with the same message to update.
 */
async function seedDecisions(
  slack: SlackEmulator,
  ours: ChildApp,
  redis: RedisServerHandle,
): Promise<Person[]> {
  const random = seededRandom(20);
  const people: Person[] = [];
  const { Redis } = await import('ioredis');
  const client = new Redis(redis.url);
  for (let decision = 0; decision < DECISIONS; decision++) {
    const title = `Bench decision ${decision}`;
    const channel = `C0DECISION${decision}`;
    const decisionId = await startDecision(slack, ours, channel, title);
    const message = slack.workspace.messagesIn(channel)[0];
    const naive: NaiveDecision = {
      teamId: slack.workspace.teamId,
      decisionId,
      channelId: channel,
      createdBy: userIdFor(0),
      title,
      createdAt: new Date().toISOString(),
    };
    await client.hset(NAIVE_KEYS.decision(naive.teamId, decisionId), {
      meta: JSON.stringify(naive),
      message: JSON.stringify({ channel, ts: message?.ts }),
    });
    for (let person = 0; person < PEOPLE_PER_DECISION; person++) {
      people.push({
        userId: userIdFor(decision * PEOPLE_PER_DECISION + person),
        decisionId,
        decisionTitle: title,
        respondent: randomRespondent(random),
      });
    }
  }
  client.disconnect();
  return people;
}

/** BURST_PEOPLE people of their own press Answer on a fresh decision of ours at once, then all finish at once. */
async function burstOn(slack: SlackEmulator, ours: ChildApp): Promise<BurstResult> {
  const title = 'Everyone at once';
  const channel = 'C0BURST';
  const id = await startDecision(slack, ours, channel, title);
  const ts = slack.workspace.messagesIn(channel)[0]?.ts ?? '';
  const random = seededRandom(BURST_PEOPLE);
  return runBurst({
    slack,
    app: ours,
    signingSecret: SIGNING_SECRET,
    decision: { id, title, channel, ts },
    respondents: Array.from({ length: BURST_PEOPLE }, () => randomRespondent(random)),
    userIdFor: (index) => userIdFor(20_000 + index),
    spreadMs: BURST_SPREAD_MS,
    sendEach,
  });
}

/**
 * One decision answered in full by `respondents` people through our app, step by step as people would, then
 * weighed in Redis: what a decision of that size really costs, whatever the app keeps for it.
 */
async function weighDecision(
  slack: SlackEmulator,
  ours: ChildApp,
  redis: RedisServerHandle,
  respondents: readonly Respondent[],
): Promise<DecisionMemory> {
  const decisionTitle = 'Event bus for the billing rewrite';
  const decisionId = await startDecision(slack, ours, 'C0MEMORY', decisionTitle);
  for (let step = 0; step <= LAST_STEP; step++) {
    const bodies = respondents.map((respondent, index) =>
      stepSubmissionBody({
        slack,
        userId: userIdFor(10_000 + index),
        decisionId,
        decisionTitle,
        step,
        values: respondent.raw[step] ?? {},
      }),
    );
    await sendEach(
      ours,
      bodies.map((submission) => submission.body),
    );
  }
  await quiet(slack);
  return decisionMemory(redis.url, slack.workspace.teamId, decisionId);
}

/** Sends each body once, a few at a time, and insists every one is acknowledged. */
async function sendEach(app: ChildApp, bodies: readonly string[]): Promise<void> {
  const queue = [...bodies];
  const worker = async () => {
    for (let body = queue.shift(); body !== undefined; body = queue.shift()) {
      const request = signed(SIGNING_SECRET, body);
      const response = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      await response.text();
      if (response.status !== 200) throw new Error(`${app.name} answered ${response.status} while priming`);
    }
  };
  await Promise.all(Array.from({ length: settings.connections }, worker));
}

/**
 * Resolves once the app has stopped calling the Web API for a while: its work after the acks is done. Longer
 * than the second ours waits between two updates of one message, so a pending update is not left for the
 * next app's round.
 */
async function quiet(slack: SlackEmulator): Promise<void> {
  const total = () =>
    Object.values(slack.server.tally()).reduce(
      (sum, t) => sum + t.ok + Object.values(t.errors).reduce((a, b) => a + b, 0),
      0,
    );
  const deadline = Date.now() + 30_000;
  let last = total();
  let stillFor = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const now = total();
    stillFor = now === last ? stillFor + 400 : 0;
    if (stillFor >= 1_200 || Date.now() > deadline) return;
    last = now;
  }
}

function tallyDelta(
  before: ReturnType<SlackEmulator['server']['tally']>,
  after: ReturnType<SlackEmulator['server']['tally']>,
): { ok: number; failed: Record<string, number> } {
  const delta = { ok: 0, failed: {} as Record<string, number> };
  for (const [method, tally] of Object.entries(after)) {
    delta.ok += tally.ok - (before[method]?.ok ?? 0);
    for (const [error, count] of Object.entries(tally.errors)) {
      const change = count - (before[method]?.errors[error] ?? 0);
      if (change > 0) delta.failed[`${method}: ${error}`] = change;
    }
  }
  return delta;
}

function sumTallies(deltas: readonly { ok: number; failed: Record<string, number> }[]) {
  const sum = { ok: 0, failed: {} as Record<string, number> };
  for (const delta of deltas) {
    sum.ok += delta.ok;
    for (const [what, count] of Object.entries(delta.failed))
      sum.failed[what] = (sum.failed[what] ?? 0) + count;
  }
  return sum;
}

/** The team verdict timed in a child process of its own (team-verdict.ts says why). */
async function timeTeamVerdictApart(): Promise<TeamVerdictTimings> {
  const child = spawn(process.execPath, [join(here, 'team-verdict.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`team-verdict.js exited with ${code}`);
  return JSON.parse(Buffer.concat(output).toString()) as TeamVerdictTimings;
}

async function redisVersion(redis: RedisServerHandle): Promise<string> {
  const { Redis } = await import('ioredis');
  const client = new Redis(redis.url);
  try {
    return /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? 'unknown';
  } finally {
    client.disconnect();
  }
}

await main();
