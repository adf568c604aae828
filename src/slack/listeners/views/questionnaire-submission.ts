import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { STEPS } from '../../../domain/questions.js';
import { parseStepAnswers } from '../../../domain/validation.js';
import { deliveryIdOf } from '../../delivery.js';
import type { ListenerDeps } from '../../deps.js';
import { notices } from '../../flows/questionnaire.js';
import { publishFinish, saveStep } from '../../flows/save-step.js';
import { decodeMetadata } from '../../metadata.js';
import { readStepValues } from '../../state.js';
import { saveProblem } from '../../views/questionnaire-modal.js';
import { requesterOf } from '../requester.js';

/**
 * A questionnaire step submitted: validate it, save it, and show the next step, or, after the last one (or a
 * step edited alone from the summary), the person's own verdict and answers while the team verdict is updated
 * in the channel.
 */
export function questionnaireSubmission(deps: ListenerDeps) {
  return async ({
    ack,
    body,
    view,
    client,
    logger,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const metadata = decodeMetadata(view.private_metadata);
    const step = metadata ? STEPS[metadata.step] : undefined;
    const requester = requesterOf(body);
    if (!metadata || !step || !requester)
      return ack({ response_action: 'update', view: notices.decisionGone });
    const parsed = parseStepAnswers(step, readStepValues(view.state.values, step));
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });

    const ref = { teamId: requester.teamId, decisionId: metadata.decisionId };
    const editing = metadata.editing === true;
    const submitted = { ref, userId: requester.userId, index: metadata.step, step, editing };
    const deliveryId = deliveryIdOf(view, 'submit');
    const saved = await saveStep(deps, { ...submitted, answers: parsed.answers, deliveryId }, logger);
    if (saved.kind === 'store-unavailable') {
      const errors = { [step.questions[0]?.id ?? '']: saveProblem(saved.outcome, editing, saved.finishes) };
      return ack({ response_action: 'errors', errors });
    }
    await ack({ response_action: 'update', view: saved.view });
    if (saved.publish) await publishFinish({ deps, client, logger, ref, viewId: view.id });
  };
}
