import type { Logger } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isComplete, mergeSteps } from '../../domain/answer-set.js';
import type { AnswerSet, Decision, DecisionRef } from '../../domain/decision.js';
import { resumeStep } from '../../domain/decision.js';
import { isUnsure } from '../../domain/person.js';
import { STEPS } from '../../domain/questions.js';
import { scoreAnswers } from '../../domain/team.js';
import type { Answers } from '../../domain/types.js';
import type { ListenerDeps } from '../deps.js';
import { slackErrorCode } from '../errors.js';
import { buildAnswersSummaryModal } from '../views/answers-summary.js';
import { buildOwnVerdictText } from '../views/own-verdict.js';
import { buildNoticeModal, buildQuestionnaireModal } from '../views/questionnaire-modal.js';
import { serialised } from '../web-api-args.js';

/**
 * The questionnaire's moves that more than one listener makes: opening (or resuming) it for a person, and the
 * summary a finished person sees, from which one step at a time is edited.
 */

/** A trigger id dies 3 s after the click; a store slower than this gets a "loading" modal first. */
const STORE_WAIT_BEFORE_OPEN_MS = 1_200;

export const notices = {
  storeDown: buildNoticeModal({
    title: 'Try again shortly',
    text: ':warning: Stream Verdict could not reach its storage just now, so it cannot show your answers. Nothing you saved is lost; try again in a minute.',
  }),
  decisionGone: buildNoticeModal({
    title: 'Decision not found',
    text: 'This decision is no longer available: it may have passed its retention period. Start a new one with `/stream-verdict`.',
  }),
  loading: buildNoticeModal({ title: 'Stream Verdict', text: 'Loading your answers…' }),
  decisionClosed: buildNoticeModal({
    title: 'Decision closed',
    text: 'This decision is closed, so answers can no longer change. Its record is in the decision message’s thread; the person who started it can reopen it.',
  }),
} as const;

/** The decision and the person's answers read afresh, or the notice that stands in for a closed or gone one. */
async function openFor(
  deps: ListenerDeps,
  ref: DecisionRef,
  userId: string,
): Promise<{ notice: ModalView } | { decision: Decision; answerSet: AnswerSet | null }> {
  const [decision, answerSet] = await Promise.all([
    deps.store.getDecision(ref),
    deps.store.getAnswerSet(ref, userId),
  ]);
  if (!decision) return { notice: notices.decisionGone };
  if (decision.closed) return { notice: notices.decisionClosed };
  return { decision, answerSet };
}

/** One step of the questionnaire with what the person saved for it. */
function stepView(decision: Decision, answerSet: AnswerSet | null, step: number, editing = false): ModalView {
  return buildQuestionnaireModal({
    decisionId: decision.decisionId,
    decisionTitle: decision.title,
    step,
    answers: answerSet?.steps[STEPS[step]?.id ?? ''],
    ...(editing ? { editing } : {}),
  });
}

/** Where a person stands: their summary once finished, else where they left off, pre-filled, or the start. */
function resumeView(deps: ListenerDeps, decision: Decision, answerSet: AnswerSet | null): ModalView {
  if (answerSet && isComplete(answerSet)) return answersSummaryView(deps, decision, answerSet);
  return stepView(decision, answerSet, resumeStep(answerSet));
}

/** The modal a person should see for a decision: where they left off, pre-filled, or the start. */
export async function questionnaireViewFor(
  deps: ListenerDeps,
  ref: DecisionRef,
  userId: string,
): Promise<ModalView> {
  const opened = await openFor(deps, ref, userId);
  return 'notice' in opened ? opened.notice : resumeView(deps, opened.decision, opened.answerSet);
}

/** The modal a finished person ends on: their own verdict and their answers, each step with its Edit button. */
export function answersSummaryView(
  deps: Pick<ListenerDeps, 'costs'>,
  decision: Decision,
  answerSet: AnswerSet,
): ModalView {
  const answers = mergeSteps(answerSet);
  const own = scoreAnswers(answers, deps.costs);
  return buildAnswersSummaryModal({
    decisionId: decision.decisionId,
    decisionTitle: decision.title,
    verdictText: buildOwnVerdictText(own, decision.channelId, {
      blind: decision.blind === true,
      unsure: isUnsure(answers),
    }),
    steps: answerSet.steps,
  });
}

/**
 * What a button inside the summary (Edit) or inside a step opened from it (Back to my verdict) shows next: read
 * afresh, so a closed or vanished decision says so instead.
 */
export async function summaryOrStepView(
  deps: ListenerDeps,
  ref: DecisionRef,
  userId: string,
  step: number | undefined,
): Promise<ModalView> {
  const opened = await openFor(deps, ref, userId);
  if ('notice' in opened) return opened.notice;
  const { decision, answerSet } = opened;
  // Not finished (after "forget me", say): where they stand instead of a step opened alone.
  if (!answerSet || !isComplete(answerSet) || step === undefined)
    return resumeView(deps, decision, answerSet);
  return stepView(decision, answerSet, step, true);
}

/**
 * "← Back" inside a step: keeps what is valid of this step (`answers`), then shows the previous step with its
 * saved answers, or why it cannot.
 */
export async function stepBackView(input: {
  deps: ListenerDeps;
  logger: Logger;
  ref: DecisionRef;
  userId: string;
  step: { index: number; id: string; answers: Answers };
  deliveryId: string;
}): Promise<ModalView> {
  const { deps, ref, step } = input;
  const previous = step.index - 1;
  try {
    const saved = await deps.store.saveStep(
      ref,
      input.userId,
      { id: step.id, answers: step.answers },
      { currentStep: previous, updatedAt: deps.now().toISOString() },
      input.deliveryId,
    );
    if (saved.status === 'missing') return notices.decisionGone;
    if (saved.status === 'closed') return notices.decisionClosed;
    return buildQuestionnaireModal({
      decisionId: ref.decisionId,
      decisionTitle: saved.decision.title,
      step: previous,
      answers: saved.answerSet.steps[STEPS[previous]?.id ?? ''],
    });
  } catch (error) {
    input.logger.error('Could not save answers on Back', error);
    return notices.storeDown;
  }
}

/**
 * Opens the questionnaire inside the trigger's 3-second life. If the store is slow, a loading modal is opened
 * at once and replaced when the answers arrive, so a slow store never costs the person their modal.
 */
export async function openQuestionnaire(input: {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  triggerId: string;
  ref: DecisionRef;
  userId: string;
}): Promise<void> {
  const loading = questionnaireViewFor(input.deps, input.ref, input.userId).catch((error: unknown) => {
    input.logger.error('Could not load a questionnaire from the store', error);
    return notices.storeDown;
  });
  const clickedAt = Date.now();
  const early = await Promise.race([loading, delay(STORE_WAIT_BEFORE_OPEN_MS)]);
  try {
    if (early) {
      await input.client.views.open(serialised({ trigger_id: input.triggerId, view: early }));
      return;
    }
    const opened = await input.client.views.open(
      serialised({ trigger_id: input.triggerId, view: notices.loading }),
    );
    const view = await loading;
    if (opened.view?.id) await input.client.views.update(serialised({ view_id: opened.view.id, view }));
  } catch (error) {
    // Nothing to show the person: without a live trigger id there is no modal to put a message in.
    input.logger.warn(
      `Could not open the questionnaire (${slackErrorCode(error) ?? String(error)}) ${Date.now() - clickedAt} ms after the click`,
    );
  }
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
