import { randomBytes } from 'node:crypto';
import { UTC } from '../../../domain/time-zone.js';
import { addToLogContext } from '../../../ops/log-context.js';
import { type DeadlineZone, type Decision, StoreUnavailableError } from '../../../store/port.js';
import type { ListenerDeps } from '../../deps.js';
import { explainPostFailure, slackErrorCode } from '../../errors.js';
import { deadlineItems } from '../../flows/close.js';
import { notices } from '../../flows/questionnaire.js';
import { buildDecisionMessage } from '../../views/decision-message.js';
import { buildQuestionnaireModal } from '../../views/questionnaire-modal.js';
import { serialised } from '../../web-api-args.js';
import { commandRequestId } from '../redelivery.js';
import { slashCommandSchema } from '../requester.js';
import type { CommandArgs } from './command-args.js';
import { parseStartOptions, START_USAGE, setsDeadline } from './options.js';

export const DEFAULT_TITLE = 'Kafka, Kinesis or MSK?';
const TITLE_MAX = 150;

/**
 * `/stream-verdict [--by YYYY-MM-DD] [--blind] [title]`: open the questionnaire for the caller and post the
 * decision message.
 */
export function startDecision(deps: ListenerDeps) {
  return async ({ ack, command, client, respond, logger }: CommandArgs) => {
    const fields = slashCommandSchema.safeParse(command);
    if (!fields.success) {
      // Answered in the acknowledgement: a malformed request's response_url is not trusted.
      await ack({
        response_type: 'ephemeral',
        text: 'That command arrived incomplete, so nothing was started. Please try again.',
      });
      return;
    }
    // A deadline's day ends where the person who typed it lives; Slack waits 3 s for the acknowledgement.
    const zone = setsDeadline(fields.data.text)
      ? await timeZoneOf(deps, client, fields.data.tenant_id, fields.data.user_id, logger)
      : undefined;
    const parsed = parseStartOptions(fields.data.text, deps.now(), deps.retentionDays, zone?.name);
    if (!parsed.ok) {
      await ack({
        response_type: 'ephemeral',
        text: `${parsed.problem} Nothing was started.\n${START_USAGE}`,
      });
      return;
    }
    await ack();
    const { options } = parsed;
    const startedAt = Date.now();
    const decision: Decision = {
      teamId: fields.data.tenant_id,
      decisionId: randomBytes(9).toString('base64url'),
      channelId: fields.data.channel_id,
      createdBy: fields.data.user_id,
      title: titleFrom(options.title),
      createdAt: deps.now().toISOString(),
      ...(options.decideBy ? { decideBy: options.decideBy, ...(zone ? { decideByZone: zone } : {}) } : {}),
      ...(options.blind ? { blind: true } : {}),
    };
    addToLogContext({ decision: decision.decisionId });

    // Once per trigger id: a repeated delivery of the command starts nothing. Where Redis allows (not on a
    // Cluster) the claim is in the same round trip as the decision and where it is listed (channel, Home,
    // due-list), so the modal waits on Redis once, as it did for the claim alone.
    const creation = deps.store.createDecisionOnce(
      decision,
      { at: deps.now(), due: deadlineItems(decision, deps.now()) },
      commandRequestId(fields.data.trigger_id),
    );
    // Without the store the save below fails too, and says so to the person: better that than silence.
    if (!(await creation.first.catch(() => true))) {
      logger.info('Dropped a repeated delivery of a slash command');
      return;
    }
    // The trigger id dies in 3 s: open the modal first, and finish saving the decision at the same time.
    const [opened, saved] = await Promise.allSettled([
      client.views.open(
        serialised({
          trigger_id: fields.data.trigger_id,
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
      await respond({
        response_type: 'ephemeral',
        text: unknown
          ? ':hourglass: My storage is slow to answer, so I can’t tell whether the decision was saved, and I haven’t posted it. Please run the command again in a moment.'
          : ':warning: I couldn’t start the decision: my storage isn’t answering. Please try again in a minute.',
      });
      return;
    }

    let posted: { channel: string; ts: string };
    try {
      const message = buildDecisionMessage({ decision, inProgress: 0 });
      const reply = await client.chat.postMessage(
        serialised({ channel: decision.channelId, text: message.text, blocks: message.blocks }),
      );
      if (!reply.ts || !reply.channel) return;
      posted = { channel: reply.channel, ts: reply.ts };
    } catch (error) {
      logger.warn(`Could not post the decision message: ${slackErrorCode(error) ?? String(error)}`);
      await respond({ response_type: 'ephemeral', text: `:warning: ${explainPostFailure(error)}` });
      return;
    }
    // Where the message is must be kept, or the verdict would later arrive as a second message: retry once.
    const remember = () => deps.store.setDecisionMessage(decision, posted);
    await remember()
      .catch(() => remember())
      .catch(async (error: unknown) => {
        logger.error('Posted the decision message but could not record where', error);
        await respond({
          response_type: 'ephemeral',
          text: ':warning: The decision is posted, but my storage didn’t record where. Answers are safe; the verdict may arrive as a new message instead of updating this one.',
        });
      });
  };
}

/** users.info may take this long before the deadline is read in UTC instead, with the message saying so. */
const TIME_ZONE_LOOKUP_MS = 1_000;

async function timeZoneOf(
  deps: ListenerDeps,
  client: CommandArgs['client'],
  teamId: string,
  userId: string,
  logger: CommandArgs['logger'],
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
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1)}…`;
}
