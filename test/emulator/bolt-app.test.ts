import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.js';
import { silentLogger } from '../support/silent-logger.js';

const SIGNING_SECRET = 'bolt-test-signing-secret';
const BOT_TOKEN = 'xoxb-bolt-test';
const ALICE = 'U0ALICE';
const CHANNEL = 'C0GENERAL';

const questionnaire: ModalView = {
  type: 'modal',
  callback_id: 'questionnaire',
  title: { type: 'plain_text', text: 'Stream Verdict' },
  submit: { type: 'plain_text', text: 'Get verdict' },
  blocks: [
    {
      type: 'input',
      block_id: 'throughput',
      label: { type: 'plain_text', text: 'Events per second' },
      element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false },
    },
  ],
};

/** A real Bolt app, reduced to the flow under test: command → modal → validated submission → message. */
function buildApp(apiUrl: string): App {
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    clientOptions: { slackApiUrl: apiUrl },
    logger: silentLogger,
  });
  app.command('/verdict', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: questionnaire });
  });
  app.view('questionnaire', async ({ ack, view, body, client }) => {
    const throughput = Number(view.state.values.throughput?.value?.value);
    if (throughput > 1_000_000) {
      await ack({ response_action: 'errors', errors: { throughput: 'Above a million? Talk to us first.' } });
      return;
    }
    await ack();
    await client.chat.postMessage({
      channel: CHANNEL,
      text: `<@${body.user.id}>: ${throughput}/s → Amazon MSK`,
    });
  });
  return app;
}

let slack: SlackEmulator;
let app: App;
let appEventsUrl: string;

beforeEach(async () => {
  slack = await startSlackEmulator({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  app = buildApp(slack.apiUrl);
  const server = (await app.start(0)) as Server;
  appEventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterEach(async () => {
  await app.stop();
  await slack.close();
});

describe('the emulator driving a real Bolt app', () => {
  it('runs a command, fills in the modal, sees the validation error, then the posted verdict', async () => {
    const alice = slack.actorFor(ALICE, { appEventsUrl });

    const command = await alice.runSlashCommand({ channel: CHANNEL, command: '/verdict' });
    const modal = await slack.workspace.waitFor(() => slack.workspace.openViewFor(ALICE), {
      what: 'the modal',
    });
    const rejected = await alice.submitView({ values: { throughput: '5000000' } });
    const accepted = await alice.submitView({ values: { throughput: '20000' } });
    const verdict = await slack.workspace.waitFor(() => slack.workspace.messagesIn(CHANNEL)[0], {
      what: 'the verdict',
    });

    expect(command).toMatchObject({ status: 200, body: '', problems: [] });
    expect(modal.view.callback_id).toBe('questionnaire');
    expect(rejected).toMatchObject({
      outcome: 'errors',
      errors: { throughput: 'Above a million? Talk to us first.' },
    });
    expect(accepted).toMatchObject({ status: 200, outcome: 'closed' });
    expect(verdict.text).toBe('<@U0ALICE>: 20000/s → Amazon MSK');
    expect(slack.calls().map((call) => call.method)).toEqual(['auth.test', 'views.open', 'chat.postMessage']);
  });
});
