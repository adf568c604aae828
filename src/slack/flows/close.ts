import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { addDays } from 'date-fns';
import { z } from 'zod';
import type { Decision, DecisionRef } from '../../domain/decision.js';
import { hasArgument } from '../../domain/decision.js';
import { decisionRecord } from '../../domain/decision-record.js';
import { argumentsFor } from '../../domain/deliberation.js';
import type { DecisionListing } from '../../store/port.js';
import type { ListenerDeps } from '../deps.js';
import { buildRecordMessage } from '../views/decision-record.js';
import { serialised } from '../web-api-args.js';
import { type DecisionState, decisionState, listForSweep, publishInOrder } from './publish.js';

/** Closing and reopening a decision, by a person or by its deadline, and the record a closed one leaves. */

/** The reminder goes out this long before the deadline. */
export const REMINDER_BEFORE_DAYS = 1;

/** The decision's reminder and deadline as due items (only the parts still ahead of `now`). */
export function deadlineItems(decision: Decision, now: Date): DecisionListing['due'] {
  if (!decision.decideBy) return [];
  const deadline = new Date(decision.decideBy);
  const ref = { teamId: decision.teamId, decisionId: decision.decisionId };
  const remindAt = addDays(deadline, -REMINDER_BEFORE_DAYS);
  return [
    ...(remindAt > now ? [{ item: { ...ref, kind: 'remind' as const }, at: remindAt }] : []),
    { item: { ...ref, kind: 'close' as const }, at: deadline },
  ];
}

/** Puts the decision's reminder and deadline on the due-list (only the parts still ahead). */
export async function scheduleDeadline(deps: ListenerDeps, decision: Decision): Promise<void> {
  for (const { item, at } of deadlineItems(decision, deps.now())) await deps.store.schedule(item, at);
}

/**
 * "Close the decision" or "Reopen" pressed by `userId`: only who started it, or a workspace admin, may. Returns
 * what the person is told privately, or undefined when the message itself shows what happened.
 */
export async function closeOrReopenBy(input: {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  ref: DecisionRef;
  userId: string;
  move: 'close' | 'reopen';
}): Promise<string | undefined> {
  const { deps, client, logger, ref, userId, move } = input;
  try {
    const decision = await deps.store.getDecision(ref);
    if (!decision) return 'This decision is no longer available: it may have passed its retention period.';
    const right = await mayClose(client, decision, userId, logger);
    if (right === 'unchecked')
      return `I couldn’t check with Slack whether you are a workspace admin, so for now only <@${decision.createdBy}>, who started this decision, can ${move} it. Please try again in a minute.`;
    if (right === 'refused')
      return (
        `Only <@${decision.createdBy}>, who started this decision, or a workspace admin can ${move} it. ` +
        'Make your case in the thread, or ask them to.'
      );
    if (move === 'close' && decision.closed) return 'This decision is already closed.';
    if (move === 'reopen' && !decision.closed) return 'This decision is already open.';
    const changed =
      move === 'close'
        ? await closeDecision({ deps, client, ref, by: userId })
        : await reopenDecision({ deps, client, ref, by: userId });
    // Someone else (or the deadline) got there a moment earlier.
    return changed ? undefined : `This decision is already ${move === 'close' ? 'closed' : 'open'}.`;
  } catch (error) {
    logger.error(`Could not ${move} a decision`, error);
    return `:warning: Something went wrong while I tried to ${move} the decision. If its message did not change, please try again in a minute.`;
  }
}

/** Closes the decision, republishes its message and posts the decision record in its thread. */
export async function closeDecision(input: {
  deps: ListenerDeps;
  client: WebClient;
  ref: DecisionRef;
  /** Who closed it; absent for the deadline. */
  by?: string;
}): Promise<Decision | null> {
  const { deps, client, ref } = input;
  await listForSweep(deps, ref);
  const closed = await deps.store.setDecisionClosed(ref, {
    at: deps.now().toISOString(),
    ...(input.by ? { by: input.by } : {}),
  });
  if (!closed) return null;
  await Promise.all([
    deps.store.unschedule({ ...ref, kind: 'remind' }),
    deps.store.unschedule({ ...ref, kind: 'close' }),
  ]);
  await publishInOrder({ deps, client, ref });
  const state = await decisionState(deps, ref);
  const where = state?.decision.message;
  if (state && where) {
    const record = buildRecordMessage(recordOf(deps, state));
    await client.chat.postMessage(
      serialised({ channel: where.channel, thread_ts: where.ts, text: record.text, blocks: record.blocks }),
    );
  }
  return closed;
}

export async function reopenDecision(input: {
  deps: ListenerDeps;
  client: WebClient;
  ref: DecisionRef;
  by: string;
}): Promise<Decision | null> {
  const { deps, client, ref } = input;
  await listForSweep(deps, ref);
  const reopened = await deps.store.setDecisionClosed(ref, null);
  if (!reopened) return null;
  if (reopened.decideBy && new Date(reopened.decideBy) > deps.now()) await scheduleDeadline(deps, reopened);
  await publishInOrder({ deps, client, ref });
  const where = reopened.message;
  if (where) {
    const text = `<@${input.by}> reopened the decision: answers are open again.`;
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.ts, text });
  }
  return reopened;
}

/** The decision record as it stands; any decision can be recorded, open or closed. */
export function recordOf(deps: ListenerDeps, state: DecisionState) {
  const { decision, team } = state;
  return decisionRecord({
    title: decision.title,
    startedBy: decision.createdBy,
    startedAt: decision.createdAt,
    takenAt: deps.now().toISOString(),
    ...(decision.closed ? { closed: decision.closed } : {}),
    participants: state.finished.map((set) => set.userId),
    ...(team ? { team } : {}),
    arguments: team && hasArgument(team) ? argumentsFor(state.respondents, team, deps.costs) : [],
  });
}

const userInfoSchema = z.object({
  user: z.object({ is_admin: z.boolean().optional(), is_owner: z.boolean().optional() }),
});

/** Whether the person may close or reopen; 'unchecked' when Slack could not say whether they are an admin. */
export type CloseRight = 'allowed' | 'refused' | 'unchecked';

/** Who may close or reopen: who started it, or a workspace admin (users.info, users:read). */
export async function mayClose(
  client: WebClient,
  decision: Decision,
  userId: string,
  logger: Pick<Logger, 'warn'>,
): Promise<CloseRight> {
  if (decision.createdBy === userId) return 'allowed';
  try {
    const parsed = userInfoSchema.safeParse(await client.users.info({ user: userId }));
    if (!parsed.success) {
      logger.warn('users.info answered in a shape I do not know; treating the person as no admin');
      return 'unchecked';
    }
    return parsed.data.user.is_admin === true || parsed.data.user.is_owner === true ? 'allowed' : 'refused';
  } catch (error) {
    logger.warn('Could not ask Slack whether the person is a workspace admin', error);
    return 'unchecked';
  }
}
