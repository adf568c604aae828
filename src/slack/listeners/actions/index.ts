import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { ACTION_IDS } from '../../ids.js';
import { answerQuestionnaire } from './answer-questionnaire.js';
import { questionnaireBack } from './questionnaire-back.js';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.answerQuestionnaire, answerQuestionnaire(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.questionnaireBack, questionnaireBack(deps));
}
