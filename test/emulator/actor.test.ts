import { readFileSync } from 'node:fs';
import type { ModalView, PlainTextElement, PlainTextOption } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.js';
import { silentLogger } from '../support/silent-logger.js';
import { type FakeApp, startFakeApp } from './fake-app.js';

const SIGNING_SECRET = 'emulator-test-signing-secret';
const BOT_TOKEN = 'xoxb-emulator-test';
const ALICE = 'U0ALICE';
const CHANNEL = 'C0GENERAL';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/slack/inbound/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text), value });

const questionnaire: ModalView = {
  type: 'modal',
  callback_id: 'questionnaire',
  private_metadata: '{"step":1}',
  title: plain('Stream Verdict'),
  submit: plain('Next'),
  close: plain('Cancel'),
  notify_on_close: true,
  blocks: [
    { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'Step 1 of 2' } },
    {
      type: 'input',
      block_id: 'throughput',
      label: plain('Events per second'),
      element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false },
    },
    {
      type: 'input',
      block_id: 'ops_team',
      label: plain('Do you have a Kafka ops team?'),
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: [option('Yes', 'yes'), option('No', 'no')],
      },
    },
    {
      type: 'input',
      block_id: 'concerns',
      optional: true,
      label: plain('What worries you?'),
      element: {
        type: 'checkboxes',
        action_id: 'value',
        options: [option('Cost', 'cost'), option('Latency', 'latency')],
      },
    },
    {
      type: 'input',
      block_id: 'region',
      label: plain('Region'),
      element: {
        type: 'static_select',
        action_id: 'value',
        options: [option('eu-west-1', 'eu-west-1'), option('us-east-1', 'us-east-1')],
        initial_option: option('eu-west-1', 'eu-west-1'),
      },
    },
    {
      type: 'input',
      block_id: 'notes',
      optional: true,
      label: plain('Anything else?'),
      element: { type: 'plain_text_input', action_id: 'value', multiline: true },
    },
    {
      type: 'actions',
      block_id: 'nav',
      elements: [{ type: 'button', action_id: 'back', text: plain('Back'), value: 'step-0' }],
    },
  ],
};

const stepTwo: ModalView = {
  type: 'modal',
  callback_id: 'questionnaire',
  title: plain('Stream Verdict'),
  submit: plain('Finish'),
  blocks: [
    {
      type: 'input',
      block_id: 'retention',
      label: plain('Retention in days'),
      element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false },
    },
  ],
};

let slack: SlackEmulator;
let app: FakeApp;

beforeEach(async () => {
  slack = await startSlackEmulator({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  app = await startFakeApp(SIGNING_SECRET);
});

afterEach(async () => {
  await app.close();
  await slack.close();
});

function openQuestionnaire(view: ModalView = questionnaire) {
  const opened = slack.workspace.openModal(ALICE, view);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

describe('SlackActor.runSlashCommand', () => {
  it('sends the signed form body Slack sends, with a trigger id the app can exchange', async () => {
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: slack.apiUrl, logger: silentLogger });
    app.respondWith(({ form }) => {
      void client.views.open({ trigger_id: form.get('trigger_id') ?? '', view: questionnaire });
      return {};
    });
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    const reply = await alice.runSlashCommand({
      channel: CHANNEL,
      command: '/verdict',
      text: 'kafka vs kinesis',
    });
    const open = await slack.workspace.waitFor(() => slack.workspace.openViewFor(ALICE));

    expect(reply).toMatchObject({ status: 200, body: '', problems: [] });
    const [request] = app.received;
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect([...(request?.form.keys() ?? [])]).toEqual([
      'token',
      'team_id',
      'team_domain',
      'channel_id',
      'channel_name',
      'user_id',
      'user_name',
      'command',
      'text',
      'api_app_id',
      'is_enterprise_install',
      'response_url',
      'trigger_id',
    ]);
    expect(Object.fromEntries(request?.form ?? [])).toMatchObject({
      team_id: 'T0001',
      channel_id: CHANNEL,
      user_id: ALICE,
      command: '/verdict',
      text: 'kafka vs kinesis',
      is_enterprise_install: 'false',
      trigger_id: expect.stringMatching(/^\d+\.\d+\.[0-9a-f]{32}$/),
    });
    expect(open.view.callback_id).toBe('questionnaire');
  });

  it('uses the field names of a real slash command', async () => {
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });
    const real = new URLSearchParams(
      readFileSync(
        new URL('../fixtures/slack/inbound/slash_command.bolt_python.form.txt', import.meta.url),
        'utf8',
      ),
    );

    await alice.runSlashCommand({ channel: CHANNEL, command: '/verdict' });

    const sent = new Set(app.received[0]?.form.keys());
    for (const field of real.keys()) {
      if (!field.startsWith('enterprise_')) expect(sent).toContain(field);
    }
  });

  it('shows a reply in the acknowledgement to the person only', async () => {
    app.respondWith(() => ({ body: { text: 'Starting your questionnaire…' } }));
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    await alice.runSlashCommand({ channel: CHANNEL, command: '/verdict' });

    expect(slack.workspace.ephemeralFor(ALICE).map((message) => message.text)).toEqual([
      'Starting your questionnaire…',
    ]);
    expect(slack.workspace.messagesIn(CHANNEL)).toEqual([]);
  });

  it('reports an app that does not answer within the acknowledgement timeout', async () => {
    const impatient = await startSlackEmulator({
      signingSecret: SIGNING_SECRET,
      botToken: BOT_TOKEN,
      ackTimeoutMs: 100,
    });
    try {
      app.respondWith(() => ({ delayMs: 300 }));

      const reply = await impatient.actorFor(ALICE, { appEventsUrl: app.url }).runSlashCommand({
        channel: CHANNEL,
        command: '/verdict',
      });

      expect(reply.status).toBeNull();
      expect(reply.problems).toEqual(['the app did not answer within 100 ms']);
    } finally {
      await impatient.close();
    }
  });
});

describe('SlackActor.submitView', () => {
  it('reports errors, then an update, then closes, as Slack applies the acknowledgements', async () => {
    const { id, hash } = openQuestionnaire().view;
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    app.respondWith(() => ({
      body: { response_action: 'errors', errors: { throughput: 'That is a lot. Sure?' } },
    }));
    const first = await alice.submitView({ values: { throughput: '5000000', ops_team: 'no' } });

    expect(first).toMatchObject({
      status: 200,
      outcome: 'errors',
      errors: { throughput: 'That is a lot. Sure?' },
    });
    expect(slack.workspace.openViewFor(ALICE)?.errors).toEqual({ throughput: 'That is a lot. Sure?' });

    app.respondWith(() => ({ body: { response_action: 'update', view: stepTwo } }));
    const second = await alice.submitView({ values: { throughput: '1200' } });

    expect(second.outcome).toBe('updated');
    const updated = slack.workspace.openViewFor(ALICE);
    expect(updated?.view).toMatchObject({ id, submit: plain('Finish') });
    expect(updated?.view.hash).not.toBe(hash);
    expect(updated?.errors).toEqual({});

    app.respondWith(() => ({ body: '' }));
    const third = await alice.submitView({ values: { retention: '7' } });

    expect(third).toMatchObject({ status: 200, outcome: 'closed' });
    expect(third.view).toBeUndefined();
    expect(slack.workspace.openViewFor(ALICE)).toBeUndefined();
  });

  it('sends view.state.values in the shapes Slack uses, keeping earlier answers', async () => {
    openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });
    app.respondWith(() => ({ body: { response_action: 'errors', errors: { ops_team: 'Pick one' } } }));
    await alice.submitView({ values: { throughput: '1200', ops_team: 'yes' } });

    await alice.submitView({ values: { ops_team: 'no' } });

    const view = app.received[1]?.payload?.view as { state: unknown };
    expect(view.state).toEqual({
      values: {
        throughput: { value: { type: 'number_input', value: '1200' } },
        ops_team: { value: { type: 'radio_buttons', selected_option: option('No', 'no') } },
        concerns: { value: { type: 'checkboxes', selected_options: [] } },
        region: { value: { type: 'static_select', selected_option: option('eu-west-1', 'eu-west-1') } },
        notes: { value: { type: 'plain_text_input', value: null } },
      },
    });
  });

  it('sends a payload shaped like a real view_submission', async () => {
    openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });
    const real = fixture('view_submission.radio_multiselect_text_datepicker.real_capture.json');

    await alice.submitView({ values: { throughput: '10', ops_team: 'yes', concerns: ['cost', 'latency'] } });

    const payload = app.received[0]?.payload ?? {};
    expect(Object.keys(payload)).toEqual(Object.keys(real));
    expect(Object.keys(payload.view as object)).toEqual(Object.keys(real.view as object));
    expect(payload).toMatchObject({
      type: 'view_submission',
      user: { id: ALICE, team_id: 'T0001' },
      view: { callback_id: 'questionnaire', private_metadata: '{"step":1}' },
    });
  });

  it("does not send a submission with an empty required input, as Slack's client refuses it", async () => {
    openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    const result = await alice.submitView({ values: { throughput: '10' } });

    expect(result).toMatchObject({
      status: null,
      outcome: 'errors',
      errors: { ops_team: 'Please complete this required field.' },
    });
    expect(app.received).toEqual([]);
  });

  it('refuses answers the modal does not offer', async () => {
    openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    await expect(alice.submitView({ values: { ops_team: 'maybe' } })).rejects.toThrow(
      "block 'ops_team' (radio_buttons) has no option with value 'maybe' (offered: yes, no)",
    );
    await expect(alice.submitView({ values: { missing: 'x' } })).rejects.toThrow(
      /no block with block_id 'missing'/,
    );
  });

  it('keeps the view when errors name a block that is not an input', async () => {
    const { hash } = openQuestionnaire().view;
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });
    app.respondWith(() => ({ body: { response_action: 'errors', errors: { intro: 'nope' } } }));

    const result = await alice.submitView({ values: { throughput: '10', ops_team: 'yes' } });

    expect(result.outcome).toBe('unchanged');
    expect(result.problems).toEqual(["errors names 'intro', which is not an input block of the view"]);
    expect(slack.workspace.openViewFor(ALICE)?.view.hash).toBe(hash);
  });

  it('keeps the old view when the update is invalid, and says why', async () => {
    const { hash } = openQuestionnaire().view;
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });
    app.respondWith(() => ({
      body: { response_action: 'update', view: { ...stepTwo, title: plain('A title of 25 characters!') } },
    }));

    const result = await alice.submitView({ values: { throughput: '10', ops_team: 'yes' } });

    expect(result.outcome).toBe('unchanged');
    expect(result.problems).toEqual([
      "response_action 'update' has an invalid view: must be at most 24 characters, got 25 [json-pointer:/view/title/text]",
    ]);
    expect(slack.workspace.openViewFor(ALICE)?.view).toMatchObject({ hash, submit: plain('Next') });
  });

  it('pushes a view on top and closes back to it', async () => {
    const opened = openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });
    app.respondWith(() => ({ body: { response_action: 'push', view: stepTwo } }));

    const pushed = await alice.submitView({ values: { throughput: '10', ops_team: 'yes' } });
    app.respondWith(() => ({}));
    const closed = await alice.submitView({ values: { retention: '3' } });

    expect(pushed.outcome).toBe('pushed');
    expect(pushed.view?.view.previous_view_id).toBe(opened.view.id);
    expect(closed).toMatchObject({ outcome: 'closed', view: { view: { id: opened.view.id } } });
  });
});

describe('SlackActor.clickButton and closeView', () => {
  it('clicks a button in a modal with the view and its current state', async () => {
    const opened = openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });
    const real = fixture('block_actions.in_modal.real_capture.json');

    await alice.clickButton({ actionId: 'back' });

    const payload = app.received[0]?.payload ?? {};
    expect(Object.keys(payload)).toEqual(Object.keys(real));
    expect(payload).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: opened.view.id },
      view: { id: opened.view.id, state: { values: { ops_team: { value: { selected_option: null } } } } },
      actions: [{ type: 'button', action_id: 'back', block_id: 'nav', value: 'step-0', text: plain('Back') }],
    });
  });

  it('carries what the person typed before clicking, without submitting', async () => {
    const opened = openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    alice.enterValues({ values: { ops_team: 'no', throughput: '1200' } });
    await alice.clickButton({ actionId: 'back' });

    expect(app.received).toHaveLength(1);
    expect(app.received[0]?.payload).toMatchObject({
      type: 'block_actions',
      view: {
        id: opened.view.id,
        hash: opened.view.hash,
        state: {
          values: {
            ops_team: { value: { type: 'radio_buttons', selected_option: { value: 'no' } } },
            throughput: { value: { type: 'number_input', value: '1200' } },
          },
        },
      },
    });
    expect(() => alice.enterValues({ values: { ops_team: 'maybe' } })).toThrow(
      /no option with value 'maybe'/,
    );
  });

  it('clicks a button in a message; the app can replace the message through response_url', async () => {
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: slack.apiUrl, logger: silentLogger });
    const posted = await client.chat.postMessage({
      channel: CHANNEL,
      text: 'Verdict: MSK',
      blocks: [
        {
          type: 'actions',
          block_id: 'verdict_actions',
          elements: [{ type: 'button', action_id: 'rerun', text: plain('Run again'), value: 'v1' }],
        },
      ],
    });
    app.respondWith(({ payload }) => {
      void fetch(String(payload?.response_url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replace_original: true, text: 'Verdict: Kafka' }),
      });
      return {};
    });
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    const reply = await alice.clickButton({
      message: { channel: CHANNEL, ts: posted.ts ?? '' },
      actionId: 'rerun',
    });
    const replaced = await slack.workspace.waitFor(() =>
      slack.workspace.messagesIn(CHANNEL).find((message) => message.text === 'Verdict: Kafka'),
    );

    expect(reply.status).toBe(200);
    expect(app.received[0]?.payload).toMatchObject({
      container: { type: 'message', message_ts: posted.ts, channel_id: CHANNEL, is_ephemeral: false },
      channel: { id: CHANNEL },
      message: { ts: posted.ts, text: 'Verdict: MSK', bot_id: 'B0001' },
      actions: [{ action_id: 'rerun', block_id: 'verdict_actions', value: 'v1' }],
    });
    expect(replaced).toMatchObject({ ts: posted.ts, editCount: 1 });
  });

  it('tells the app a modal was closed only when it asked to be notified', async () => {
    openQuestionnaire();
    const alice = slack.actorFor(ALICE, { appEventsUrl: app.url });

    const notified = await alice.closeView();
    openQuestionnaire({ ...questionnaire, notify_on_close: false });
    const silent = await alice.closeView();

    expect(notified).toMatchObject({ notified: true, reply: { status: 200 } });
    expect(app.received.map((request) => request.payload?.type)).toEqual(['view_closed']);
    expect(app.received[0]?.payload).toMatchObject({
      is_cleared: false,
      view: { callback_id: 'questionnaire' },
    });
    expect(silent.notified).toBe(false);
    expect(slack.workspace.openViewFor(ALICE)).toBeUndefined();
  });
});
