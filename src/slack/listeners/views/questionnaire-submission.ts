import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { firstMissingStep, mergeSteps } from '../../../domain/answer-set.js';
import { STEPS } from '../../../domain/questions.js';
import { scoreAnswers } from '../../../domain/team.js';
import { parseStepAnswers } from '../../../domain/validation.js';
import { type SavedStep, StoreUnavailableError } from '../../../store/port.js';
import { deliveryIdOf } from '../../delivery.js';
import type { ListenerDeps } from '../../deps.js';
import { explainPostFailure } from '../../errors.js';
import { decodeMetadata } from '../../metadata.js';
import { notices, publishVerdict } from '../../questionnaire.js';
import { readStepValues } from '../../state.js';
import { buildOwnVerdictText } from '../../views/decision-message.js';
import { buildNoticeModal, buildQuestionnaireModal } from '../../views/questionnaire-modal.js';
import { requesterOf } from '../requester.js';

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
    const isLast = metadata.step === STEPS.length - 1;
    const now = deps.now().toISOString();
    let saved: SavedStep;
    try {
      // One round trip: checks the decision exists, saves once per delivery, reads the answers back.
      saved = await deps.store.saveStep(
        ref,
        requester.userId,
        { id: step.id, answers: parsed.answers },
        isLast
          ? { currentStep: metadata.step, updatedAt: now, finishedAt: now }
          : { currentStep: metadata.step + 1, updatedAt: now },
        deliveryIdOf(view, 'submit'),
      );
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      logger.error('Could not save a questionnaire step', error);
      await ack({ response_action: 'errors', errors: { [step.questions[0]?.id ?? '']: SAVE_FAILED } });
      return;
    }
    if (saved.status === 'missing' || saved.status === 'closed') {
      await ack({
        response_action: 'update',
        view: saved.status === 'closed' ? notices.decisionClosed : notices.decisionGone,
      });
      return;
    }
    if (saved.status === 'saved') {
      // Lists the decision as theirs (App Home, and "forget me" finds it), renewing the index's TTL with
      // the answers' own so the index never expires first.
      await deps.store.rememberForHome(ref, requester.userId, deps.now()).catch((error: unknown) => {
        logger.warn('Could not list the decision for the person', error);
      });
    }
    const { decision } = saved;

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
          editing: saved.answerSet.progress.finishedAt !== undefined,
        }),
      });
      return;
    }

    const own = scoreAnswers(mergeSteps(saved.answerSet), deps.costs);
    await ack({
      response_action: 'update',
      view: buildNoticeModal({
        title: 'Your verdict',
        text: buildOwnVerdictText(own, decision.channelId, decision.blind === true),
      }),
    });

    // A repeated delivery already published this finish; the person just sees the same answer again.
    if (saved.status === 'duplicate') return;
    try {
      await publishVerdict({
        deps,
        client,
        decision,
        userId: requester.userId,
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
