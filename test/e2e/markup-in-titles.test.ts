import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/emulator/index.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { CHANNEL, type Harness, startHarness } from './harness.js';
import { LAST_STEP, startDecision, submitStep } from './journey.js';

/**
 * A title written to ping the whole channel and to hide a link: wherever Slack parses text (mrkdwn blocks,
 * a message's `text`, a file's comment) it must arrive escaped, so Slack shows it as typed and does nothing.
 */

const TITLE = '<!channel> <https://example.com|Click>';
const ESCAPED = '&lt;!channel&gt; &lt;https://example.com|Click&gt;';
const LIVE_MARKUP = ['<!channel>', '<https://example.com|Click>'];

let harness: Harness;
let fileContent: string;

beforeAll(async () => {
  harness = await startHarness();
  const { slack } = harness;
  const alice = harness.person('U0ALICE');
  const posted = await startDecision(slack, alice, CHANNEL, TITLE);
  for (let step = 0; step <= LAST_STEP; step++) await submitStep(slack, alice, WEB_APP_SHOP_ON_AWS, step);
  await slack.workspace.waitFor(() => slack.calls('chat.update')[0], { what: 'the verdict update' });
  await alice.openAppHome();
  await slack.workspace.waitFor(() => slack.workspace.homeViewFor('U0ALICE'), { what: "Alice's Home tab" });
  await alice.closeView();
  await alice.clickButton({
    actionId: ACTION_IDS.closeDecision,
    message: { channel: CHANNEL, ts: posted.ts },
  });
  await slack.workspace.waitFor(
    () =>
      slack.workspace.repliesTo(CHANNEL, posted.ts).find((reply) => reply.text.startsWith('Decision record')),
    { what: 'the decision record' },
  );
  await alice.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: 'export' });
  const shared = await slack.workspace.waitFor(
    () => slack.workspace.messagesIn(CHANNEL).find((message) => message.files?.length),
    { what: 'the exported record' },
  );
  fileContent = slack.workspace.file(shared.files?.[0]?.id ?? '')?.content ?? '';
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

/**
 * Every string of a Web API call that Slack would parse for markup, with where it was. Left out: plain_text
 * elements and a file's title and name, which Slack shows as written.
 */
function parsedStrings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => parsedStrings(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return Object.entries(record).flatMap(([key, item]) => {
    if (record.type === 'plain_text' && key === 'text') return [];
    if (key === 'title' && typeof item === 'string') return [];
    if (key === 'filename') return [];
    return parsedStrings(item, `${path}.${key}`);
  });
}

function calls(method: string): RecordedCall[] {
  return harness.slack.calls(method);
}

describe('a title full of Slack markup', () => {
  it('never reaches Slack live in any message, view or file comment', () => {
    const everything = harness.slack.calls().flatMap((call) => parsedStrings(call.args, call.method));
    const modal = harness.slack.workspace.openViewFor('U0ALICE');
    const live = [...everything, ...(modal ? parsedStrings(modal.view, 'modal') : [])].filter(([, text]) =>
      LIVE_MARKUP.some((markup) => text.includes(markup)),
    );
    expect(live).toEqual([]);
  });

  it('is shown escaped in every place it appears', () => {
    const decisionPost = calls('chat.postMessage').find((call) => !call.args.thread_ts);
    const recordPost = calls('chat.postMessage').find((call) =>
      String(call.args.text).startsWith('Decision record'),
    );
    const places: Record<string, unknown> = {
      'decision message text': decisionPost?.args.text,
      'verdict update text': calls('chat.update').at(-1)?.args.text,
      'decision record text': recordPost?.args.text,
      'decision record blocks': recordPost?.args.blocks,
      questionnaire: calls('views.open')[0]?.args.view,
      'Home tab': calls('views.publish')[0]?.args.view,
      'export comment': calls('files.completeUploadExternal')[0]?.args.initial_comment,
      'exported Markdown': fileContent,
    };
    const missing = Object.entries(places)
      .filter(([, shown]) => !JSON.stringify(shown ?? '').includes(ESCAPED))
      .map(([place]) => place);
    expect(missing).toEqual([]);
  });

  it('keeps the title as typed where Slack shows text as written (the message header)', () => {
    const decisionPost = calls('chat.postMessage').find((call) => !call.args.thread_ts);
    expect(JSON.stringify(decisionPost?.args.blocks)).toContain(JSON.stringify(TITLE).slice(1, -1));
  });
});

describe('markup in an unknown option', () => {
  it('is echoed back escaped in the error', async () => {
    const bob = harness.person('U0BOB');
    await bob.runSlashCommand({ channel: CHANNEL, command: '/stream-verdict', text: '--<!channel> Title' });
    const note = await harness.slack.workspace.waitFor(
      () => harness.slack.workspace.ephemeralFor('U0BOB', CHANNEL).find((m) => m.text.includes('the option')),
      { what: 'the error about the option' },
    );
    expect(note.text).toContain('`--&lt;!channel&gt;`');
    expect(note.text).not.toContain('<!channel>');
  });
});
