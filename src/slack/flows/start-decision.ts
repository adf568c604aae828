import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DeadlineZone, Decision } from '../../domain/decision.js';
import { cutText } from '../../domain/format.js';
import { newDecisionId } from '../../domain/ids.js';
import { UTC } from '../../domain/time-zone.js';
import { withLogContext } from '../../ops/log-context.js';
import { StoreUnavailableError } from '../../store/port.js';
import type { ListenerDeps } from '../deps.js';
import { explainPostFailure, slackErrorCode } from '../errors.js';
import { buildDecisionMessage } from '../views/decision-message.js';
import { buildQuestionnaireModal } from '../views/questionnaire-modal.js';
import { serialised } from '../web-api-args.js';
import { deadlineItems } from './close.js';
import { notices } from './questionnaire.js';
import { parseStartOptions, setsDeadline } from './start-options.js';

/**
 * Starting a decision: `/stream-verdict [--by YYYY-MM-DD] [--blind] [title]` (or the button that starts one after
 * a "did you mean"), first planned before the command is acknowledged, then opened, saved and posted.
 */

export const DEFAULT_TITLE = 'Kafka, Kinesis or MSK?';
const TITLE_MAX = 150;
/** users.info may take this long before the deadline is read in UTC instead, with the message saying so. */
const TIME_ZONE_LOOKUP_MS = 1_000;

/** The slash command's fields that a decision is started from. */
export interface StartRequest {
  teamId: string;
  userId: string;
  channelId: string;
  text: string | undefined;
}

export type StartPlan = { ok: true; decision: Decision } | { ok: false; problem: string };

/** The decision the command asks for, or what is wrong with its options; fast enough to answer inside the ack. */
export async function planDecision(
  deps: ListenerDeps,
  client: WebClient,
  request: StartRequest,
  logger: Logger,
): Promise<StartPlan> {
  // A deadline's day ends where the person who typed it lives; Slack waits 3 s for the acknowledgement.
  const zone = setsDeadline(request.text)
    ? await timeZoneOf(deps, client, request.teamId, request.userId, logger)
    : undefined;
  const parsed = parseStartOptions(request.text, deps.now(), deps.retentionDays, zone?.name);
  if (!parsed.ok) return parsed;
  const { options } = parsed;
  return {
    ok: true,
    decision: {
      teamId: request.teamId,
      decisionId: newDecisionId(),
      channelId: request.channelId,
      createdBy: request.userId,
      title: titleFrom(options.title),
      createdAt: deps.now().toISOString(),
      ...(options.decideBy ? { decideBy: options.decideBy, ...(zone ? { decideByZone: zone } : {}) } : {}),
      ...(options.blind ? { blind: true } : {}),
    },
  };
}

/** What the starter is told privately when the decision did not get all the way; undefined when it did. */
export type StartProblem = string | undefined;

/** Opens the questionnaire for the starter, saves the decision and posts its message in the channel. */
export async function openDecision(input: {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  triggerId: string;
  /** The command's request id: a repeated delivery with the same one starts nothing. */
  requestId: string;
  decision: Decision;
}): Promise<StartProblem> {
  const { deps, client, decision } = input;
  const logger = withLogContext(input.logger, { decision: decision.decisionId });
  const startedAt = Date.now();

  // Once per trigger id: a repeated delivery of the command starts nothing. Where Redis allows (not on a
  // Cluster) the claim is in the same round trip as the decision and where it is listed (channel, Home,
  // due-list), so the modal waits on Redis once, as it did for the claim alone.
  const creation = deps.store.createDecisionOnce(
    decision,
    { at: deps.now(), due: deadlineItems(decision, deps.now()) },
    input.requestId,
  );
  // Without the store the save below fails too, and says so to the person: better that than silence.
  if (!(await creation.first.catch(() => true))) {
    logger.info('Dropped a repeated delivery of a slash command');
    return undefined;
  }
  // The trigger id dies in 3 s: open the modal first, and finish saving the decision at the same time.
  const [opened, saved] = await Promise.allSettled([
    client.views.open(
      serialised({
        trigger_id: input.triggerId,
        view: buildQuestionnaireModal({
          decisionId: decision.decisionId,
          decisionTitle: decision.title,
          step: 0,
        }),
      }),
    ),
    creation.created,
  ]);
  if (opened.status === 'rejected') {
    logger.warn(
      `views.open failed (${slackErrorCode(opened.reason) ?? 'unknown error'}) ${Date.now() - startedAt} ms after the command`,
    );
  }
  if (saved.status === 'rejected') {
    logger.error('Could not save a new decision', saved.reason);
    if (opened.status === 'fulfilled' && opened.value.view?.id) {
      await client.views
        .update(serialised({ view_id: opened.value.view.id, view: notices.storeDown }))
        .catch(() => undefined);
    }
    // A save that timed out may still land: say only what is known.
    const unknown = saved.reason instanceof StoreUnavailableError && saved.reason.outcome === 'unknown';
    return unknown
      ? ':hourglass: My storage is slow to answer, so I can’t tell whether the decision was saved, and I haven’t posted it. Please run the command again in a moment.'
      : ':warning: I couldn’t start the decision: my storage isn’t answering. Please try again in a minute.';
  }

  let posted: { channel: string; ts: string };
  try {
    const message = buildDecisionMessage({ decision, inProgress: 0 });
    const reply = await client.chat.postMessage(
      serialised({ channel: decision.channelId, text: message.text, blocks: message.blocks }),
    );
    if (!reply.ts || !reply.channel) return undefined;
    posted = { channel: reply.channel, ts: reply.ts };
  } catch (error) {
    logger.warn(`Could not post the decision message: ${slackErrorCode(error) ?? String(error)}`);
    return `:warning: ${explainPostFailure(error)}`;
  }
  // Where the message is must be kept, or the verdict would later arrive as a second message: retry once.
  const remember = () => deps.store.setDecisionMessage(decision, posted);
  return remember()
    .catch(() => remember())
    .then(
      () => undefined,
      (error: unknown) => {
        logger.error('Posted the decision message but could not record where', error);
        return ':warning: The decision is posted, but my storage didn’t record where. Answers are safe; the verdict may arrive as a new message instead of updating this one.';
      },
    );
}

async function timeZoneOf(
  deps: ListenerDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  logger: Logger,
): Promise<DeadlineZone> {
  const unknown: DeadlineZone = { name: UTC, fromProfile: false };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DeadlineZone>((resolve) => {
    timer = setTimeout(() => {
      logger.warn(
        `users.info took over ${TIME_ZONE_LOOKUP_MS} ms for ${userId}; the deadline is read in UTC`,
      );
      resolve(unknown);
    }, TIME_ZONE_LOOKUP_MS);
  });
  const looked = deps.people
    .person(client, teamId, userId, logger)
    .then((person): DeadlineZone => ({ name: person.timeZone, fromProfile: person.timeZoneKnown }));
  try {
    return await Promise.race([looked, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function titleFrom(text: string | undefined): string {
  const title = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!title) return DEFAULT_TITLE;
  return cutText(title, TITLE_MAX);
}
