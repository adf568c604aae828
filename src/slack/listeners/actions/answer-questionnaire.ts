import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decisionIdSchema } from '../../../domain/ids.js';
import type { ListenerDeps } from '../../deps.js';
import { openQuestionnaire } from '../../flows/questionnaire.js';
import { requesterOf } from '../requester.js';

/** The decision message's button: open the questionnaire for whoever clicked, resuming where they were. */
export function answerQuestionnaire(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    logger,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const decisionId = decisionIdSchema.safeParse(action.value);
    const requester = requesterOf(body);
    if (!decisionId.success || !requester) {
      // Buttons inside modals come without a response_url, so there may be nowhere to reply.
      if (typeof respond !== 'function') return;
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'This button doesn’t point at a decision I know. Start a new one with `/stream-verdict`.',
      });
      return;
    }
    await openQuestionnaire({
      deps,
      client,
      logger,
      triggerId: body.trigger_id,
      ref: { teamId: requester.teamId, decisionId: decisionId.data },
      userId: requester.userId,
    });
  };
}
