import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { ACTION_IDS } from '../../ids.js';
import { answerQuestionnaire } from './answer-questionnaire.js';
import { closeDecisionAction, reopenDecisionAction } from './close-decision.js';
import { confirmForgetMe, startDecisionAnyway } from './command-prompts.js';
import { questionnaireBack } from './questionnaire-back.js';
import { verdictDetails } from './verdict-details.js';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.answerQuestionnaire, answerQuestionnaire(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.questionnaireBack, questionnaireBack(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.closeDecision, closeDecisionAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.reopenDecision, reopenDecisionAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.startDecisionAnyway, startDecisionAnyway(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.confirmForgetMe, confirmForgetMe(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.verdictDetails, verdictDetails(deps));
  // A link button: Slack opens the link itself and only tells the app, which has nothing to add.
  app.action(ACTION_IDS.homeOpenDecision, async ({ ack }) => ack());
}
