import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { STEPS } from '../../../domain/questions.js';
import { validAnswersOf } from '../../../domain/validation.js';
import { deliveryIdOf } from '../../delivery.js';
import type { ListenerDeps } from '../../deps.js';
import { slackErrorCode } from '../../errors.js';
import { notices } from '../../flows/questionnaire.js';
import { decodeMetadata } from '../../metadata.js';
import { readStepValues } from '../../state.js';
import { buildQuestionnaireModal } from '../../views/questionnaire-modal.js';
import { serialised } from '../../web-api-args.js';
import { requesterOf } from '../requester.js';

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

    const ref = { teamId: requester.teamId, decisionId: metadata.decisionId };
    const previous = metadata.step - 1;
    let next = notices.storeDown;
    try {
      const saved = await deps.store.saveStep(
        ref,
        requester.userId,
        { id: step.id, answers: validAnswersOf(step, readStepValues(view.state.values, step)) },
        { currentStep: previous, updatedAt: deps.now().toISOString() },
        deliveryIdOf(view, 'back'),
      );
      next =
        saved.status === 'missing'
          ? notices.decisionGone
          : saved.status === 'closed'
            ? notices.decisionClosed
            : buildQuestionnaireModal({
                decisionId: ref.decisionId,
                decisionTitle: saved.decision.title,
                step: previous,
                answers: saved.answerSet.steps[STEPS[previous]?.id ?? ''],
              });
    } catch (error) {
      logger.error('Could not save answers on Back', error);
    }
    await client.views
      .update(serialised({ view_id: view.id, hash: view.hash, view: next }))
      .catch((error: unknown) => {
        // A hash conflict means the person already moved on (a double click); anything else is worth a line.
        logger.warn(`views.update after Back failed: ${slackErrorCode(error) ?? String(error)}`);
      });
  };
}
