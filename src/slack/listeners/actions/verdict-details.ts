import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decisionIdSchema } from '../../../domain/ids.js';
import type { ListenerDeps } from '../../deps.js';
import { verdictDetailsView } from '../../flows/verdict-details.js';
import { serialised } from '../../web-api-args.js';
import { requesterOf } from '../requester.js';

/** The decision message's Details button: the full breakdown in a modal, for whoever clicked. */
export function verdictDetails(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    logger,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const decisionId = decisionIdSchema.safeParse(action.value);
    const requester = requesterOf(body);
    const ref =
      decisionId.success && requester ? { teamId: requester.teamId, decisionId: decisionId.data } : undefined;
    const view = await verdictDetailsView(deps, ref, logger);
    await client.views.open(serialised({ trigger_id: body.trigger_id, view }));
  };
}
