import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { ACTION_IDS } from '../../ids.js';
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

export function registerActions(app: App, deps: ListenerDeps): void {
  for (const [actionId, listener] of Object.entries(ACTION_LISTENERS))
    app.action<BlockAction<ButtonAction>>(actionId, inRequestContext(listener(deps)));
}
