import { expect } from 'vitest';
import { interactiveBody } from '../../src/emulator/index.js';
import { messageBlockActionsPayload } from '../../src/emulator/payloads.js';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.js';
import { CHANNEL, type Harness, SIGNING_SECRET } from '../e2e/harness.js';
import { postSigned } from './signed-post.js';

/**
 * Clicks "Answer" on a decision message as a person of any workspace (and Grid org, for an org-wide
 * install), with a correctly signed payload, and returns the modal the app opened as JSON text.
 */
export async function clickAnswerAs(
  harness: Harness,
  input: {
    user: string;
    teamId: string;
    enterprise: { id: string; name: string } | null;
    decision: { id: string; ts: string };
  },
): Promise<string> {
  const { workspace, server } = harness.slack;
  harness.person(input.user);
  const message = workspace.message(CHANNEL, input.decision.ts);
  if (!message) throw new Error('no decision message');
  const payload = messageBlockActionsPayload({
    source: {
      token: workspace.verificationToken,
      apiAppId: workspace.appId,
      team: { id: input.teamId, domain: input.teamId.toLowerCase() },
      user: {
        id: input.user,
        username: input.user.toLowerCase(),
        name: input.user.toLowerCase(),
        team_id: input.teamId,
      },
      ...(input.enterprise ? { enterprise: input.enterprise } : {}),
    },
    triggerId: workspace.issueTriggerId(input.user),
    channel: { id: CHANNEL, name: 'general' },
    messageTs: message.ts,
    message,
    state: { values: {} },
    action: {
      action_id: ACTION_IDS.answerQuestionnaire,
      block_id: BLOCK_IDS.decisionActions,
      text: { type: 'plain_text', text: 'Answer' },
      value: input.decision.id,
      type: 'button',
      action_ts: '1.2',
    },
    responseUrl: server.responseUrlFor({ channel: CHANNEL, userId: input.user, isEphemeral: true }),
  });
  const before = harness.slack.calls('views.open').length;
  expect((await postSigned(harness.eventsUrl, SIGNING_SECRET, interactiveBody(payload))).status).toBe(200);
  for (let tries = 0; tries < 40 && !harness.slack.calls('views.open')[before]; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const opened = harness.slack.calls('views.open')[before];
  if (!opened) throw new Error(`the app opened no modal for ${input.user}`);
  return JSON.stringify(opened.args.view);
}
