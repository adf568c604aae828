import type { Logger } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { DecisionRef } from '../../domain/decision.js';
import { hasArgument, resultsHidden } from '../../domain/decision.js';
import { argumentsFor } from '../../domain/deliberation.js';
import type { ListenerDeps } from '../deps.js';
import { buildNoticeModal } from '../views/questionnaire-modal.js';
import { buildVerdictDetailsModal } from '../views/verdict-details.js';
import { decisionState } from './publish.js';

/** The decision message's Details: the full breakdown for whoever asks, or why there is none to show. */
export async function verdictDetailsView(
  deps: ListenerDeps,
  ref: DecisionRef | undefined,
  logger: Logger,
): Promise<ModalView> {
  const notice = (text: string) => buildNoticeModal({ title: 'Verdict details', text });
  if (!ref)
    return notice('This button doesn’t point at a decision I know. Start a new one with `/stream-verdict`.');
  const state = await decisionState(deps, ref).catch((error: unknown) => {
    logger.warn('verdict details: could not read the decision', error);
    return undefined;
  });
  if (state === undefined) return notice('I couldn’t read this decision just now. Try again in a moment.');
  if (state?.team) {
    const opposing = hasArgument(state.team) ? argumentsFor(state.respondents, state.team, deps.costs) : [];
    return buildVerdictDetailsModal({ title: state.decision.title, team: state.team, arguments: opposing });
  }
  if (state && resultsHidden(state.decision) && state.finished.length > 0)
    return notice('This is a blind decision: the verdict and its details stay hidden until it closes.');
  if (state) return notice('No verdict yet: details appear as soon as someone finishes the questionnaire.');
  return notice('This button doesn’t point at a decision I know. Start a new one with `/stream-verdict`.');
}
