import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { buildViewState } from '../../src/emulator/view-state.js';
import { ACTION_IDS, CALLBACK_IDS } from '../../src/slack/ids.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { seededRandom } from '../domain/random-answers.js';
import { CHANNEL, type Harness, SIGNING_SECRET, startHarness, stepValues } from '../e2e/harness.js';
import { postSigned } from '../support/signed-post.js';

/**
 * Garbage, truncated and forged payloads, signed so they reach the listeners: derived from Slack's real
 * payloads (test/fixtures/slack/inbound) and from the app's own questionnaire. Every one of them is
 * invalid, so none may write to the store; the app must answer each and stay up.
 */

const PAYLOADS = 1_200;
const CONCURRENCY = 8;
const inbound = join(import.meta.dirname, '../fixtures/slack/inbound');
// Scripts count by what they run: MONITOR lists each command a script executes after the EVALSHA itself.
const READ_COMMANDS = new Set([
  'eval',
  'evalsha',
  'script',
  'hgetall',
  'hget',
  'hmget',
  'smembers',
  'exists',
  'pttl',
  'ttl',
  'get',
  'ping',
  'info',
]);

type Json = Record<string, unknown>;
type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const clone = <T>(value: T): T => structuredClone(value);

let harness: Harness;
let monitor: Awaited<ReturnType<Redis['monitor']>>;
const writes: string[][] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let decisionId: string;
let validSubmission: Json;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  harness = await startHarness();
  const alice = harness.person('U0ALICE');
  await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'Fuzzed decision' });
  const open = await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0ALICE'));
  await harness.slack.workspace.waitFor(() => harness.slack.workspace.messagesIn(CHANNEL)[0]?.blocks);
  decisionId = JSON.parse(open.view.private_metadata).d;
  validSubmission = {
    ...readJson('view_submission.radio_multiselect_text_datepicker.real_capture.json'),
    team: { id: 'T0001', domain: 'emulated' },
    user: { id: 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0001' },
    view: {
      ...open.view,
      state: buildViewState(open.view.blocks, stepValues(0, WEB_APP_SHOP_ON_AWS)),
    },
  };

  const client = new Redis(inject('redisUrl'));
  monitor = await client.monitor();
  monitor.on('monitor', (_time: string, args: string[]) => {
    const [command, ...rest] = args;
    if (!command || READ_COMMANDS.has(command.toLowerCase())) return;
    if (rest.some((arg) => String(arg).startsWith(harness.keyPrefix))) writes.push(args);
  });
  client.disconnect();
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  monitor?.disconnect();
  await harness?.close();
});

function readJson(name: string): Json {
  return JSON.parse(readFileSync(join(inbound, name), 'utf8')) as Json;
}

function fixtureInteractions(): Json[] {
  return readdirSync(inbound)
    .filter((name) => /^(block_actions|view_submission|view_closed)\..*\.json$/.test(name))
    .map(readJson);
}

function fixtureCommands(): URLSearchParams[] {
  return readdirSync(inbound)
    .filter((name) => name.startsWith('slash_command.'))
    .map((name) => new URLSearchParams(readFileSync(join(inbound, name), 'utf8').trim()));
}

const junk: unknown[] = [
  null,
  [],
  {},
  '',
  'x',
  42,
  -1,
  true,
  'A'.repeat(5_000),
  { value: 7 },
  [{ value: null }],
];
const forgedMetadata = (id: string) => [
  'not json',
  '{}',
  '{"d":"nope-not-a-decision","s":0}',
  JSON.stringify({ d: id, s: 99 }),
  JSON.stringify({ d: id, s: -1 }),
  JSON.stringify({ d: '../../etc/passwd', s: 0 }),
  JSON.stringify({ d: id, s: '0' }),
  `{"d":"${'x'.repeat(3_000)}","s":0}`,
];

/** One always-invalid variation of the app's own step-1 submission. */
function mutateSubmission(random: Random): Json {
  const payload = clone(validSubmission);
  const view = payload.view as Json & { state: { values: Record<string, Record<string, Json>> } };
  const required = (STEPS[0]?.questions ?? []).filter((q) => !q.optional).map((q) => q.id);
  const question = pick(random, required);
  switch (Math.floor(random() * 9)) {
    case 0: {
      const element = view.state.values[question]?.[ACTION_IDS.answer];
      if (element)
        element.selected_option = { value: pick(random, ['dont_know_x', 'DROP TABLE', '', 'eng_1_10 ']) };
      break;
    }
    case 1:
      view.state = { values: pick(random, junk) } as never;
      break;
    case 2:
      view.private_metadata = pick(random, forgedMetadata(decisionId));
      break;
    case 3:
      payload.team = { id: 'T0OTHER', domain: 'other' };
      payload.user = { id: 'U0MALLORY', team_id: 'T0OTHER' };
      break;
    case 4:
      payload.user = pick(random, [
        null,
        {},
        { id: 'u-lower' },
        { id: 42 },
        { id: 'U0ALICE\u0000' },
        'U0ALICE',
      ]);
      payload.team = pick(random, [null, { id: null }, {}]);
      break;
    case 5:
      delete view.state.values[question];
      break;
    case 6: {
      const element = view.state.values[question]?.[ACTION_IDS.answer];
      if (element)
        element.selected_option = pick(
          random,
          junk.filter((j) => j !== null && typeof j !== 'object'),
        );
      break;
    }
    case 7:
      payload.view = pick(random, [null, {}, 'view', { callback_id: CALLBACK_IDS.questionnaire }]);
      break;
    default: {
      const element = view.state.values[question]?.[ACTION_IDS.answer];
      if (element) element.selected_option = { value: 'A'.repeat(2_001 + Math.floor(random() * 5_000)) };
    }
  }
  return payload;
}

/** A Slack fixture retargeted at the app's own callback and action ids, then broken. */
function mutateFixture(random: Random, fixture: Json): Json {
  const payload = clone(fixture);
  const view = payload.view as Json | undefined;
  if (view && typeof view === 'object') {
    view.callback_id = CALLBACK_IDS.questionnaire;
    view.private_metadata = pick(random, [...forgedMetadata(decisionId), view.private_metadata]);
  }
  const actions = payload.actions as Json[] | undefined;
  if (Array.isArray(actions)) {
    for (const action of actions) {
      action.action_id = pick(random, [ACTION_IDS.answerQuestionnaire, ACTION_IDS.questionnaireBack]);
      action.value = pick(random, ['nope', decisionId, '', 'x'.repeat(3_000), undefined]);
    }
  }
  // Keep replies inside the emulator: a forged response_url must never send the app to the internet.
  if ('response_url' in payload)
    payload.response_url = harness.slack.server.responseUrlFor({
      channel: CHANNEL,
      userId: 'U0X',
      isEphemeral: true,
    });
  if (random() < 0.5) payload.team = pick(random, [null, { id: 'T0OTHER' }, { id: 'lower' }]);
  return payload;
}

function mutateCommand(random: Random, fields: URLSearchParams): string {
  const form = new URLSearchParams(fields);
  form.set('command', '/stream-verdict');
  form.set(
    'response_url',
    harness.slack.server.responseUrlFor({ channel: CHANNEL, userId: 'U0X', isEphemeral: true }),
  );
  const field = pick(random, ['team_id', 'user_id', 'channel_id', 'trigger_id']);
  if (random() < 0.5) form.delete(field);
  else if (field === 'trigger_id') form.set(field, pick(random, ['', 'T'.repeat(300)]));
  else form.set(field, pick(random, ['', 'lower-case', '../../x', 'T'.repeat(300), '{"$ne":null}']));
  return form.toString();
}

function interactiveBody(payload: unknown, random: Random): string {
  const json = JSON.stringify(payload);
  // Now and then the payload is cut short in transit.
  const text = random() < 0.1 ? json.slice(0, Math.floor(random() * json.length)) : json;
  return `payload=${encodeURIComponent(text)}`;
}

describe('fuzzing the listeners with signed, invalid payloads', () => {
  it(`answers ${PAYLOADS} of them, writes nothing, rejects nothing unhandled and stays healthy`, {
    timeout: 120_000,
  }, async () => {
    const random = seededRandom(20261124);
    const fixtures = fixtureInteractions();
    const commands = fixtureCommands();
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(commands.length).toBeGreaterThanOrEqual(4);

    const bodies = Array.from({ length: PAYLOADS }, (_, index) => {
      const kind = index % 3;
      if (kind === 0) return interactiveBody(mutateSubmission(random), random);
      if (kind === 1) return interactiveBody(mutateFixture(random, pick(random, fixtures)), random);
      return mutateCommand(random, pick(random, commands));
    });

    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++] as string;
          const reply = await postSigned(harness.eventsUrl, SIGNING_SECRET, body);
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (reply.status >= 500) serverErrors.push(body);
        }
      }),
    );
    // Let work done after the acknowledgements finish.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const answered = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    console.info(
      `fuzz: ${answered} payloads, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${writes.length} store writes, ${unhandled.length} unhandled rejections`,
    );
    expect(answered).toBe(PAYLOADS);
    // A payload Bolt could not read (a `user` or `view` that is not an object) is refused with a 400 before
    // Bolt sees it (slack/receiver.ts); every payload gets a 2xx/4xx.
    expect(serverErrors).toEqual([]);
    expect(writes.map((w) => w.join(' ').slice(0, 200))).toEqual([]);
    expect(unhandled).toEqual([]);

    const health = await fetch(`http://127.0.0.1:${harness.app.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('still serves a real person afterwards (so the silence above is not a dead app)', async () => {
    const bob = harness.person('U0BOB');
    await bob.clickButton({
      actionId: ACTION_IDS.answerQuestionnaire,
      message: { channel: CHANNEL, ts: harness.slack.workspace.messagesIn(CHANNEL)[0]?.ts ?? '' },
    });
    await harness.slack.workspace.waitFor(() => harness.slack.workspace.openViewFor('U0BOB'));
    const result = await bob.submitView({ values: stepValues(0, WEB_APP_SHOP_ON_AWS) });
    expect(result.outcome).toBe('updated');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(writes.length).toBeGreaterThan(0);
  });
});
