import type { ListenerDeps } from '../../deps.js';
import { openDecision, planDecision } from '../../flows/start-decision.js';
import { START_USAGE } from '../../flows/start-options.js';
import { commandRequestId } from '../redelivery.js';
import { slashCommandSchema } from '../requester.js';
import type { CommandArgs } from './command-args.js';

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
    const { tenant_id, user_id, channel_id, trigger_id, text } = fields.data;
    const request = { teamId: tenant_id, userId: user_id, channelId: channel_id, text };
    const plan = await planDecision(deps, client, request, logger);
    if (!plan.ok) {
      await ack({ response_type: 'ephemeral', text: `${plan.problem} Nothing was started.\n${START_USAGE}` });
      return;
    }
    await ack();
    const problem = await openDecision({
      deps,
      client,
      logger,
      triggerId: trigger_id,
      requestId: commandRequestId(trigger_id),
      decision: plan.decision,
    });
    if (problem) await respond({ response_type: 'ephemeral', text: problem });
  };
}
