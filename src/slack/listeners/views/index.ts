import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { CALLBACK_IDS } from '../../ids.js';
import { questionnaireSubmission } from './questionnaire-submission.js';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK_IDS.questionnaire, questionnaireSubmission(deps));
}
