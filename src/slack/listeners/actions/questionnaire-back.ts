import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { STEPS } from '../../../domain/questions.js';
import { validAnswersOf } from '../../../domain/validation.js';
import { deliveryIdOf } from '../../delivery.js';
import type { ListenerDeps } from '../../deps.js';
import { stepBackView } from '../../flows/questionnaire.js';
import { decodeMetadata } from '../../metadata.js';
import { readStepValues } from '../../state.js';
import { requesterOf } from '../requester.js';
import { replaceModal } from './replace-modal.js';

/**
 * "← Back" inside the modal. What the person entered on this step is kept (every answer that is valid so
 * far), then the previous step is shown with its saved answers.
 */
export function questionnaireBack(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    client,
    logger,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const view = body.view;
    const metadata = decodeMetadata(view?.private_metadata);
    const requester = requesterOf(body);
    const step = metadata ? STEPS[metadata.step] : undefined;
    if (!view || !metadata || !step || metadata.step === 0 || metadata.editing || !requester) return;
    const answers = validAnswersOf(step, readStepValues(view.state.values, step));
    const next = await stepBackView({
      deps,
      logger,
      ref: { teamId: requester.teamId, decisionId: metadata.decisionId },
      userId: requester.userId,
      step: { index: metadata.step, id: step.id, answers },
      deliveryId: deliveryIdOf(view, 'back'),
    });
    await replaceModal({ client, logger, modal: view, view: next, after: 'after Back' });
  };
}
