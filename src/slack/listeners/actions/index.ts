import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { ACTION_IDS, exactly } from '../../ids.js';
import { inRequestContext } from '../../observe.js';
import { answerQuestionnaire } from './answer-questionnaire.js';
import { closeDecisionAction, reopenDecisionAction } from './close-decision.js';
import { confirmForgetMe, startDecisionAnyway } from './command-prompts.js';
import { backToAnswersSummary, editAnswersStep } from './edit-answers.js';
import { questionnaireBack } from './questionnaire-back.js';
import { verdictDetails } from './verdict-details.js';

type ButtonListener = (
  args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>,
) => Promise<void>;

/** Every button of ours and its listener; the unclaimed-payload guard lets exactly these through. */
export const ACTION_LISTENERS: Record<string, (deps: ListenerDeps) => ButtonListener> = {
  [ACTION_IDS.answerQuestionnaire]: answerQuestionnaire,
  [ACTION_IDS.questionnaireBack]: questionnaireBack,
  [ACTION_IDS.questionnaireEditStep]: editAnswersStep,
  [ACTION_IDS.questionnaireSummary]: backToAnswersSummary,
  [ACTION_IDS.closeDecision]: closeDecisionAction,
  [ACTION_IDS.reopenDecision]: reopenDecisionAction,
  [ACTION_IDS.startDecisionAnyway]: startDecisionAnyway,
  [ACTION_IDS.confirmForgetMe]: confirmForgetMe,
  [ACTION_IDS.verdictDetails]: verdictDetails,
  // A link button: Slack opens the link itself and only tells the app, which has nothing to add.
  [ACTION_IDS.homeOpenDecision]:
    () =>
    async ({ ack }) =>
      ack(),
};

/**
 * One Bolt listener for all of them, which hands each click to its own: Bolt runs every registered listener's
 * matchers on every request it receives, so ten listeners here were ten middleware chains per request.
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  const listeners = new Map(
    Object.entries(ACTION_LISTENERS).map(([actionId, listener]) => [
      actionId,
      inRequestContext(listener(deps)),
    ]),
  );
  app.action<BlockAction<ButtonAction>>(exactly(listeners.keys()), async (args) =>
    listeners.get(args.action.action_id)?.(args),
  );
}
