/**
 * The cheapest Bolt app that does what Stream Verdict does on the wire, as the benchmark's baseline: the same
 * HTTP receiver, signature check and Web API client, and nothing else. It acknowledges the slash command and
 * opens a modal; it answers a questionnaire step with the next (static) modal; after the last step it also
 * posts a message. No store, no validation, no scoring.
 *
 * Run by scripts/bench/run.ts as a child process: PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
 */
import { App, LogLevel } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { STEPS } from '../../src/domain/questions.js';
import { CALLBACK_IDS } from '../../src/slack/ids.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`bare-app: ${name} is not set`);
  return value;
};

const modal = (text: string): ModalView => ({
  type: 'modal',
  callback_id: CALLBACK_IDS.questionnaire,
  title: { type: 'plain_text', text: 'Bare app' },
  submit: { type: 'plain_text', text: 'Next' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
});
const FIRST_STEP = modal('Step 1');
const NEXT_STEP = modal('Next step');
const DONE = modal('Done');
const LAST_STEP = STEPS.length - 1;

const app = new App({
  signingSecret: env('SLACK_SIGNING_SECRET'),
  token: env('SLACK_BOT_TOKEN'),
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
  logLevel: LogLevel.ERROR,
});

app.command(/.*/, async ({ ack, command, client }) => {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: FIRST_STEP });
});

app.view(CALLBACK_IDS.questionnaire, async ({ ack, view, body, client }) => {
  const isLast = view.private_metadata.includes(`"s":${LAST_STEP}`);
  await ack({ response_action: 'update', view: isLast ? DONE : NEXT_STEP });
  if (isLast) await client.chat.postMessage({ channel: body.user.id, text: 'Verdict: bare' });
});

await app.start(Number(env('PORT')));
console.log(`bare-app: listening on port ${env('PORT')}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // Exit through process.exit so --cpu-prof writes its profile.
  process.on(signal, () => void app.stop().finally(() => process.exit(0)));
}
