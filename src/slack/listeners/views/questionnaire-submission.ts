import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { STEPS } from '../../../domain/questions.js';
import { scoreAnswers } from '../../../domain/scoring.js';
import { PLATFORM_LABELS } from '../../../domain/types.js';
import { parseStepAnswers } from '../../../domain/validation.js';
import { StoreUnavailableError } from '../../../store/port.js';
import type { ListenerDeps } from '../../deps.js';
import { explainPostFailure } from '../../errors.js';
import { decodeMetadata } from '../../metadata.js';
import { firstMissingStep, mergeSteps, notices, publishVerdict } from '../../questionnaire.js';
import { readStepValues } from '../../state.js';
import { buildNoticeModal, buildQuestionnaireModal } from '../../views/questionnaire-modal.js';
import { teamIdOf } from '../team-id.js';

const SAVE_FAILED =
  'Couldn’t save your answers just now. Nothing is lost: press the button again in a moment.';

/**
 * A questionnaire step submitted: validate it, save it, and show the next step, or, after the last one,
 * the person's own verdict while the team verdict is updated in the channel.
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
    const teamId = teamIdOf(body);
    if (!metadata || !step || !teamId) {
      await ack({ response_action: 'update', view: notices.decisionGone });
      return;
    }

    const parsed = parseStepAnswers(step, readStepValues(view.state.values, step));
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }

    const ref = { teamId, decisionId: metadata.decisionId };
    const isLast = metadata.step === STEPS.length - 1;
    const now = deps.now().toISOString();
    let saved: Awaited<ReturnType<ListenerDeps['store']['saveStep']>>;
    let decision: Awaited<ReturnType<ListenerDeps['store']['getDecision']>>;
    try {
      decision = await deps.store.getDecision(ref);
      if (!decision) {
        await ack({ response_action: 'update', view: notices.decisionGone });
        return;
      }
      saved = await deps.store.saveStep(
        ref,
        body.user.id,
        { id: step.id, answers: parsed.answers },
        isLast
          ? { currentStep: metadata.step, updatedAt: now, finishedAt: now }
          : { currentStep: metadata.step + 1, updatedAt: now },
      );
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      logger.error('Could not save a questionnaire step', error);
      await ack({ response_action: 'errors', errors: { [step.questions[0]?.id ?? '']: SAVE_FAILED } });
      return;
    }

    const missing = firstMissingStep(saved.answerSet);
    const nextStep = isLast ? missing : metadata.step + 1;
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

    const own = scoreAnswers(mergeSteps(saved.answerSet));
    await ack({
      response_action: 'update',
      view: buildNoticeModal({
        title: 'Your verdict',
        text:
          `*Your answers point to ${PLATFORM_LABELS[own.recommendation]}* (${own.confidence} confidence).\n` +
          `The team verdict in <#${decision.channelId}> now includes your answers; argue it out in its thread. ` +
          'You can change your answers from the decision message at any time.',
      }),
    });

    try {
      await publishVerdict({
        deps,
        client,
        decision,
        userId: body.user.id,
        finishedBefore: saved.finishedBefore,
      });
    } catch (error) {
      logger.error('Could not publish the verdict', error);
      await client.views
        .update({
          view_id: view.id,
          view: buildNoticeModal({
            title: 'Your verdict',
            text: `Your answers are saved, but the verdict message could not be updated. ${explainPostFailure(error)}`,
          }),
        })
        .catch(() => undefined);
    }
  };
}
