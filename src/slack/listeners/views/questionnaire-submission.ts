import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { firstMissingStep } from '../../../domain/answer-set.js';
import { STEPS } from '../../../domain/questions.js';
import { parseStepAnswers } from '../../../domain/validation.js';
import { type SavedStep, StoreUnavailableError } from '../../../store/port.js';
import { deliveryIdOf } from '../../delivery.js';
import type { ListenerDeps } from '../../deps.js';
import { explainPostFailure, isRetryable } from '../../errors.js';
import { listForSweep, publishDecision } from '../../flows/publish.js';
import { answersSummaryView, notices } from '../../flows/questionnaire.js';
import { decodeMetadata } from '../../metadata.js';
import { readStepValues } from '../../state.js';
import {
  buildNoticeModal,
  buildQuestionnaireModal,
  EDIT_STEP_SUBMIT,
  LAST_STEP_SUBMIT,
} from '../../views/questionnaire-modal.js';
import { serialised } from '../../web-api-args.js';
import { requesterOf } from '../requester.js';

/** What the person is told when the store did not answer, true whichever way the save went. */
function saveProblem(outcome: StoreUnavailableError['outcome'], button: string): string {
  return outcome === 'unknown'
    ? `Still saving: my storage is slow to answer. Press “${button}” again in a moment; nothing will be counted twice.`
    : `Couldn’t save your answers just now. Nothing you entered is lost: press “${button}” again in a moment.`;
}

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
    if (!metadata || !step || !requester) {
      await ack({ response_action: 'update', view: notices.decisionGone });
      return;
    }

    const parsed = parseStepAnswers(step, readStepValues(view.state.values, step));
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }

    const ref = { teamId: requester.teamId, decisionId: metadata.decisionId };
    // A step edited alone from the summary finishes again: saved on its own, it counts and republishes once.
    const editing = metadata.editing === true;
    const finishes = editing || metadata.step === STEPS.length - 1;
    const now = deps.now().toISOString();
    let saved: SavedStep;
    try {
      // A finish is put on the sweepers' list first (sent ahead of the save, in the same round trip), so
      // whatever becomes of this request, its message update and thread note are found and published.
      const listed = finishes
        ? listForSweep(deps, ref).catch((error: unknown) =>
            logger.warn('Could not list a finish for the sweepers', error),
          )
        : undefined;
      // One round trip: checks the decision exists, saves once per delivery (listing the decision on the
      // person's Home), reads the answers back.
      saved = await deps.store.saveStep(
        ref,
        requester.userId,
        { id: step.id, answers: parsed.answers },
        finishes
          ? { currentStep: metadata.step, updatedAt: now, finishedAt: now }
          : { currentStep: metadata.step + 1, updatedAt: now },
        deliveryIdOf(view, 'submit'),
      );
      await listed;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      logger.error('Could not save a questionnaire step', error);
      const button = editing ? EDIT_STEP_SUBMIT : finishes ? LAST_STEP_SUBMIT : 'Next';
      await ack({
        response_action: 'errors',
        errors: { [step.questions[0]?.id ?? '']: saveProblem(error.outcome, button) },
      });
      return;
    }
    if (saved.status === 'missing' || saved.status === 'closed') {
      await ack({
        response_action: 'update',
        view: saved.status === 'closed' ? notices.decisionClosed : notices.decisionGone,
      });
      return;
    }
    const { decision } = saved;
    const missing = firstMissingStep(saved.answerSet);
    const nextStep = finishes ? missing : metadata.step + 1;
    if (nextStep !== undefined) {
      await ack({
        response_action: 'update',
        view: buildQuestionnaireModal({
          decisionId: ref.decisionId,
          decisionTitle: decision.title,
          step: nextStep,
          answers: saved.answerSet.steps[STEPS[nextStep]?.id ?? ''],
        }),
      });
      return;
    }

    await ack({ response_action: 'update', view: answersSummaryView(deps, decision, saved.answerSet) });

    // A repeated delivery re-checks too: the first one may have saved and then been cut short.
    try {
      await publishDecision({ deps, client, ref });
    } catch (error) {
      logger.error('Could not publish the verdict', error);
      const later = isRetryable(error)
        ? 'The decision message will catch up as soon as Slack takes the update; nothing more to do.'
        : explainPostFailure(error);
      await client.views
        .update(
          serialised({
            view_id: view.id,
            view: buildNoticeModal({
              title: 'Your verdict',
              text: `Your answers are saved, but the decision message could not be updated just now. ${later}`,
            }),
          }),
        )
        .catch(() => undefined);
    }
  };
}
