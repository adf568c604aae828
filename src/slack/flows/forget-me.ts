import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../deps.js';
import { publishDecision } from './publish.js';

/**
 * Forgetting a person (`/stream-verdict forget me`, confirmed): removes the caller's answers from every decision of their workspace and
 * updates those decisions' verdicts. The decisions themselves stay: they belong to the team. The answers are
 * found by looking through every decision of the workspace, not through the person's Home list, which a
 * failed write may have left without one of them.
 */
export async function forgetPerson(input: {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  teamId: string;
  userId: string;
  tell(text: string): Promise<void>;
}): Promise<void> {
  const { deps, client, logger, teamId, userId, tell } = input;

  let forgotten = 0;
  try {
    const decisionIds = await deps.store.answeredDecisions(teamId, userId);
    for (const decisionId of decisionIds) {
      const ref = { teamId, decisionId };
      if (!(await deps.store.forgetAnswers(ref, userId))) continue;
      forgotten += 1;
      await publishDecision({ deps, client, ref }).catch((error: unknown) => {
        logger.warn('Answers forgotten, but a verdict could not be updated', error);
      });
    }
  } catch (error) {
    logger.error('Could not forget answers', error);
    await tell(
      `:warning: I couldn’t finish: my storage isn’t answering. ${forgotten > 0 ? `I already removed ${answerSets(forgotten)}; ` : ''}please run it again in a minute.`,
    );
    return;
  }
  await tell(
    forgotten === 0
      ? 'I hold no answers of yours in this workspace.'
      : `Done: I removed ${answerSets(forgotten)} (one per decision), and the verdicts no longer count them.`,
  );
}

function answerSets(count: number): string {
  return `${count} answer set${count === 1 ? '' : 's'} of yours`;
}
