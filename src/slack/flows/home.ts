import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Decision } from '../../domain/decision.js';
import type { ListenerDeps } from '../deps.js';
import { slackErrorCode } from '../errors.js';
import { buildHomeView, HOME_DECISIONS_SHOWN, type HomeEntry } from '../views/home.js';
import { serialised } from '../web-api-args.js';

/** Publishes a person's Home tab: the decisions they started or answered, newest first, with links to them. */
export async function publishHome(input: {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  teamId: string;
  userId: string;
}): Promise<void> {
  const { deps, client, logger, teamId, userId } = input;
  try {
    const ids = await deps.store.homeDecisions(teamId, userId, HOME_DECISIONS_SHOWN);
    const decisions = await Promise.all(
      ids.map((decisionId) => deps.store.getDecision({ teamId, decisionId })),
    );
    const entries = await Promise.all(
      decisions
        .filter((decision): decision is Decision => decision !== null)
        .map((decision) => entryOf(client, decision)),
    );
    await client.views.publish(
      serialised({ user_id: userId, view: buildHomeView({ userId, entries, now: deps.now() }) }),
    );
  } catch (error) {
    logger.warn(`Could not publish the Home tab: ${slackErrorCode(error) ?? String(error)}`);
  }
}

async function entryOf(client: WebClient, decision: Decision): Promise<HomeEntry> {
  if (!decision.message) return { decision };
  const link = await client.chat
    .getPermalink({ channel: decision.message.channel, message_ts: decision.message.ts })
    .then((answer) => answer.permalink)
    .catch(() => undefined);
  return link ? { decision, link } : { decision };
}
