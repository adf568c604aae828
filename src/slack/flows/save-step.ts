import type { Logger } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { DecisionRef } from '../../domain/decision.js';
import { finishesQuestionnaire, progressAfterSaving, stepAfterSaving } from '../../domain/decision.js';
import { STEPS } from '../../domain/questions.js';
import type { Answers, Step } from '../../domain/types.js';
import { type SavedStep, StoreUnavailableError } from '../../store/port.js';
import type { ListenerDeps } from '../deps.js';
import { explainPostFailure, isRetryable } from '../errors.js';
import { buildNoticeModal, buildQuestionnaireModal } from '../views/questionnaire-modal.js';
import { serialised } from '../web-api-args.js';
import { listForSweep, publishDecision } from './publish.js';
import { answersSummaryView, notices } from './questionnaire.js';

/**
 * Saving a submitted questionnaire step: what the modal shows next, and, after a finish, the decision message
 * updated for it.
 */

/** A validated step as submitted, and where in the questionnaire it was. */
export interface SubmittedStep {
  ref: DecisionRef;
  userId: string;
  index: number;
  step: Step;
  answers: Answers;
  /** Opened alone from the summary: saving it finishes again. */
  editing: boolean;
  /** Tells one delivery of the submission from another (see delivery.ts). */
  deliveryId: string;
}

/** What the modal shows after the save: the next view, or the store's trouble said under the step's field. */
export type StepSaved =
  | { kind: 'view'; view: ModalView; publish: boolean }
  | { kind: 'store-unavailable'; outcome: StoreUnavailableError['outcome']; finishes: boolean };

/**
 * Saves the step and says what comes next: the next step, the first one still missing, or (after the last one,
 * or a step edited alone) the person's own verdict, with `publish` set so the decision message follows.
 */
export async function saveStep(
  deps: ListenerDeps,
  submitted: SubmittedStep,
  logger: Logger,
): Promise<StepSaved> {
  const { ref, index } = submitted;
  const finishes = finishesQuestionnaire(index, submitted.editing);
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
      submitted.userId,
      { id: submitted.step.id, answers: submitted.answers },
      progressAfterSaving(index, finishes, now),
      submitted.deliveryId,
    );
    await listed;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    logger.error('Could not save a questionnaire step', error);
    return { kind: 'store-unavailable', outcome: error.outcome, finishes };
  }
  if (saved.status === 'missing' || saved.status === 'closed') {
    const view = saved.status === 'closed' ? notices.decisionClosed : notices.decisionGone;
    return { kind: 'view', view, publish: false };
  }
  const { decision, answerSet } = saved;
  logger.debug(`Saved step ${index + 1} of ${STEPS.length} for ${submitted.userId}`);
  const nextStep = stepAfterSaving(index, finishes, answerSet);
  if (nextStep === undefined)
    return { kind: 'view', view: answersSummaryView(deps, decision, answerSet), publish: true };
  const view = buildQuestionnaireModal({
    decisionId: ref.decisionId,
    decisionTitle: decision.title,
    step: nextStep,
    answers: answerSet.steps[STEPS[nextStep]?.id ?? ''],
  });
  return { kind: 'view', view, publish: false };
}

/**
 * Brings the decision message up to date after a finish; if Slack does not take it, the person's modal says so
 * (the sweeper catches up later). A repeated delivery re-checks too: the first one may have saved and then
 * been cut short.
 */
export async function publishFinish(input: {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  ref: DecisionRef;
  /** The modal the person submitted from, now showing their verdict. */
  viewId: string;
}): Promise<void> {
  const { deps, client, ref } = input;
  try {
    await publishDecision({ deps, client, ref });
  } catch (error) {
    input.logger.error('Could not publish the verdict', error);
    const later = isRetryable(error)
      ? 'The decision message will catch up as soon as Slack takes the update; nothing more to do.'
      : explainPostFailure(error);
    await client.views
      .update(
        serialised({
          view_id: input.viewId,
          view: buildNoticeModal({
            title: 'Your verdict',
            text: `Your answers are saved, but the decision message could not be updated just now. ${later}`,
          }),
        }),
      )
      .catch(() => undefined);
  }
}
