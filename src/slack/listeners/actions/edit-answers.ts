import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { STEPS } from '../../../domain/questions.js';
import type { ListenerDeps } from '../../deps.js';
import { notices, summaryOrStepView } from '../../flows/questionnaire.js';
import { decodeMetadata } from '../../metadata.js';
import { requesterOf } from '../requester.js';
import { replaceModal } from './replace-modal.js';

const stepIndexSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(STEPS.length - 1);

/** "Edit" beside a step of a finished person's summary: that step alone replaces the summary. */
export function editAnswersStep(deps: ListenerDeps) {
  return showInPlace(deps, (action) => {
    const step = stepIndexSchema.safeParse(action.value);
    return step.success ? { step: step.data } : null;
  });
}

/** "← Back to my verdict" inside a step opened from the summary: the summary again, nothing saved. */
export function backToAnswersSummary(deps: ListenerDeps) {
  return showInPlace(deps, () => ({ step: undefined }));
}

/** Reads the decision and the person's answers afresh and replaces the modal the button was pressed in. */
function showInPlace(
  deps: ListenerDeps,
  target: (action: ButtonAction) => { step: number | undefined } | null,
) {
  return async ({
    ack,
    body,
    action,
    client,
    logger,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const view = body.view;
    const metadata = decodeMetadata(view?.private_metadata);
    const requester = requesterOf(body);
    const wanted = target(action);
    if (!view || !metadata || !requester || !wanted) return;
    const ref = { teamId: requester.teamId, decisionId: metadata.decisionId };
    const next = await summaryOrStepView(deps, ref, requester.userId, wanted.step).catch((error: unknown) => {
      logger.error('Could not load answers for the summary', error);
      return notices.storeDown;
    });
    await replaceModal({ client, logger, modal: view, view: next, after: 'from the summary' });
  };
}
