import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decisionIdSchema } from '../../../domain/ids.js';
import type { ListenerDeps } from '../../deps.js';
import { closeOrReopenBy } from '../../flows/close.js';
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
  const decisionId = decisionIdSchema.safeParse(action.value);
  const requester = requesterOf(body);
  const problem =
    decisionId.success && requester
      ? await closeOrReopenBy({
          deps,
          client,
          logger,
          ref: { teamId: requester.teamId, decisionId: decisionId.data },
          userId: requester.userId,
          move,
        })
      : 'This button doesn’t point at a decision I know.';
  // A click on a message always carries a response_url; a forged one may not, and then there is nowhere to say it.
  if (problem && typeof respond === 'function')
    await respond({ response_type: 'ephemeral', replace_original: false, text: problem }).catch(
      () => undefined,
    );
}
