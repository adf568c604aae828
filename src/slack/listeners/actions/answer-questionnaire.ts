import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { ListenerDeps } from '../../deps.js';
import { openQuestionnaire } from '../../questionnaire.js';
import { teamIdOf } from '../team-id.js';

const decisionIdSchema = z.string().regex(/^[\w-]{1,64}$/);

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
    const teamId = teamIdOf(body);
    if (!decisionId.success || !teamId) {
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
      ref: { teamId, decisionId: decisionId.data },
      userId: body.user.id,
    });
  };
}
