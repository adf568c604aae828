import type { SlackEmulator } from '../../src/emulator/index.js';
import { interactiveBody, signRequest, slashCommandBody } from '../../src/emulator/index.js';
import { type InteractionSource, viewSubmissionPayload } from '../../src/emulator/payloads.js';
import { buildViewState } from '../../src/emulator/view-state.js';
import { buildQuestionnaireModal } from '../../src/slack/views/questionnaire-modal.js';
import type { StepInput } from './answers.js';

/** One request as Slack sends it: the exact body and its signature headers. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** Hands out the next request to send; called once per request, so trigger ids and signatures are fresh. */
export type RequestSource = () => SignedRequest;

export function signed(signingSecret: string, body: string): SignedRequest {
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...signRequest(signingSecret, body, Math.floor(Date.now() / 1000)),
    },
  };
}

/**
 * Slash commands from a pool of people in one channel. Each carries a trigger id the emulated workspace has
 * just issued, so the app's views.open is checked exactly as Slack checks it (single use, 3 s of life).
 */
export function slashCommands(input: {
  slack: SlackEmulator;
  signingSecret: string;
  channel: string;
  people: number;
}): RequestSource {
  const { workspace } = input.slack;
  const people = Array.from({ length: input.people }, (_, index) => {
    const userId = `U0CMD${String(index).padStart(4, '0')}`;
    const responseUrl = input.slack.server.responseUrlFor({
      channel: input.channel,
      userId,
      isEphemeral: true,
    });
    return { userId, responseUrl };
  });
  let sent = 0;
  return () => {
    const person = people[sent++ % people.length] as (typeof people)[number];
    const body = slashCommandBody({
      token: workspace.verificationToken,
      teamId: workspace.teamId,
      teamDomain: workspace.teamDomain,
      channelId: input.channel,
      channelName: input.channel.toLowerCase(),
      userId: person.userId,
      userName: person.userId.toLowerCase(),
      command: '/stream-verdict',
      text: 'Bench decision',
      apiAppId: workspace.appId,
      isEnterpriseInstall: false,
      responseUrl: person.responseUrl,
      triggerId: workspace.issueTriggerId(person.userId),
    });
    return signed(input.signingSecret, body);
  };
}

/** A view submission to send again and again, each time as a new version of the view. */
export interface SubmissionTemplate {
  body: string;
  /** The view's hash inside `body`, replaced on every send. */
  hash: string;
}

let versions = 0;

/**
 * Sends the given submissions in turn, round and round, each freshly signed and each as a view version of
 * its own (a new `view.hash`), as Slack sends them: every update of a modal gets a new hash, so no two real
 * submissions are the same delivery, and the app must not take any of them for a repeat.
 */
export function inTurn(signingSecret: string, submissions: readonly SubmissionTemplate[]): RequestSource {
  if (submissions.length === 0) throw new Error('no submissions');
  let sent = 0;
  return () => {
    const { body, hash } = submissions[sent++ % submissions.length] as SubmissionTemplate;
    versions += 1;
    return signed(signingSecret, body.replace(hash, `${hash.split('.')[0]}.bench${versions.toString(36)}`));
  };
}

/**
 * The view_submission body Slack sends when this person presses the button on this questionnaire step: the
 * app's own modal for the step, as the workspace shows it, filled in with the person's answers.
 */
export function stepSubmissionBody(input: {
  slack: SlackEmulator;
  userId: string;
  decisionId: string;
  decisionTitle: string;
  step: number;
  values: StepInput;
}): SubmissionTemplate {
  const { workspace } = input.slack;
  const modal = buildQuestionnaireModal({
    decisionId: input.decisionId,
    decisionTitle: input.decisionTitle,
    step: input.step,
  });
  const opened = workspace.openModal(input.userId, modal);
  if (!opened.ok) throw new Error(`could not open step ${input.step} for ${input.userId}: ${opened.error}`);
  const { view } = opened.value;
  const source: InteractionSource = {
    token: workspace.verificationToken,
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: workspace.teamId,
    },
    apiAppId: workspace.appId,
  };
  const body = interactiveBody(
    viewSubmissionPayload({
      source,
      triggerId: workspace.issueTriggerId(input.userId),
      view: { ...view, state: buildViewState(view.blocks, input.values) },
    }),
  );
  if (!body.includes(view.hash)) throw new Error('the view hash does not appear as is in the request body');
  return { body, hash: view.hash };
}
