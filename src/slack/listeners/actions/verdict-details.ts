import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { argumentsFor } from '../../../domain/deliberation.js';
import type { ListenerDeps } from '../../deps.js';
import { decisionState } from '../../flows/publish.js';
import { decisionIdSchema } from '../../metadata.js';
import { buildNoticeModal } from '../../views/questionnaire-modal.js';
import { buildVerdictDetailsModal } from '../../views/verdict-details.js';
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
    const notice = (text: string) => buildNoticeModal({ title: 'Verdict details', text });
    let view = notice(
      'This button doesn’t point at a decision I know. Start a new one with `/stream-verdict`.',
    );
    if (decisionId.success && requester) {
      const state = await decisionState(deps, {
        teamId: requester.teamId,
        decisionId: decisionId.data,
      }).catch((error: unknown) => {
        logger.warn('verdict details: could not read the decision', error);
        return undefined;
      });
      if (state === undefined)
        view = notice('I couldn’t read this decision just now. Try again in a moment.');
      else if (state?.team) {
        const opposing =
          state.team.respondents > 1
            ? argumentsFor(state.respondents, state.team.mostDivided, deps.costs)
            : [];
        view = buildVerdictDetailsModal({
          title: state.decision.title,
          team: state.team,
          arguments: opposing,
        });
      } else if (state?.decision.blind && state.finished.length > 0) {
        view = notice('This is a blind decision: the verdict and its details stay hidden until it closes.');
      } else if (state) {
        view = notice('No verdict yet: details appear as soon as someone finishes the questionnaire.');
      }
    }
    await client.views.open(serialised({ trigger_id: body.trigger_id, view }));
  };
}
