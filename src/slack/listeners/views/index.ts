import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { CALLBACK_IDS } from '../../ids.js';
import { inRequestContext } from '../../observe.js';
import { questionnaireSubmission } from './questionnaire-submission.js';

type SubmissionListener = (
  args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>,
) => Promise<void>;

/** Every modal of ours that is submitted, by callback id; the unclaimed-payload guard lets exactly these through. */
export const VIEW_LISTENERS: Record<string, (deps: ListenerDeps) => SubmissionListener> = {
  [CALLBACK_IDS.questionnaire]: questionnaireSubmission,
};

export function registerViews(app: App, deps: ListenerDeps): void {
  for (const [callbackId, listener] of Object.entries(VIEW_LISTENERS))
    app.view<ViewSubmitAction>(callbackId, inRequestContext(listener(deps)));
}
