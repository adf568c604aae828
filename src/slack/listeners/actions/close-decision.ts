import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { closeDecision, mayClose, reopenDecision } from '../../flows/close.js';
import { decisionIdSchema } from '../../metadata.js';
import { requesterOf } from '../requester.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * "Close the decision" and "Reopen" on the decision message. Only the person who started it, or a workspace
 * admin, may; anyone else is told so privately and the decision is left as it was.
 */
export function closeDecisionAction(deps: ListenerDeps) {
  return (args: ButtonArgs) => closeOrReopen(deps, args, 'close');
}

export function reopenDecisionAction(deps: ListenerDeps) {
  return (args: ButtonArgs) => closeOrReopen(deps, args, 'reopen');
}

async function closeOrReopen(
  deps: ListenerDeps,
  { ack, body, action, client, logger, respond }: ButtonArgs,
  move: 'close' | 'reopen',
): Promise<void> {
  await ack();
  const tell = async (text: string) => {
    // A click on a message always carries a response_url; a forged one may not, and then there is nowhere to say it.
    if (typeof respond === 'function')
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
  };
  const decisionId = decisionIdSchema.safeParse(action.value);
  const requester = requesterOf(body);
  if (!decisionId.success || !requester) {
    await tell('This button doesn’t point at a decision I know.');
    return;
  }
  const ref = { teamId: requester.teamId, decisionId: decisionId.data };
  try {
    const decision = await deps.store.getDecision(ref);
    if (!decision) {
      await tell('This decision is no longer available: it may have passed its retention period.');
      return;
    }
    const right = await mayClose(client, decision, requester.userId, logger);
    if (right === 'unchecked') {
      await tell(
        `I couldn’t check with Slack whether you are a workspace admin, so for now only <@${decision.createdBy}>, who started this decision, can ${move} it. Please try again in a minute.`,
      );
      return;
    }
    if (right === 'refused') {
      await tell(
        `Only <@${decision.createdBy}>, who started this decision, or a workspace admin can ${move} it. ` +
          'Make your case in the thread, or ask them to.',
      );
      return;
    }
    if (move === 'close' && decision.closed) return tell('This decision is already closed.');
    if (move === 'reopen' && !decision.closed) return tell('This decision is already open.');
    const changed =
      move === 'close'
        ? await closeDecision({ deps, client, ref, by: requester.userId })
        : await reopenDecision({ deps, client, ref, by: requester.userId });
    // Someone else (or the deadline) got there a moment earlier.
    if (!changed) await tell(`This decision is already ${move === 'close' ? 'closed' : 'open'}.`);
  } catch (error) {
    logger.error(`Could not ${move} a decision`, error);
    await tell(
      `:warning: Something went wrong while I tried to ${move} the decision. If its message did not change, please try again in a minute.`,
    );
  }
}
