import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Decision } from '../../../store/port.js';
import type { ListenerDeps } from '../../deps.js';
import { slackErrorCode } from '../../errors.js';
import { buildHomeView, HOME_DECISIONS_SHOWN, type HomeEntry } from '../../views/home.js';
import { serialised } from '../../web-api-args.js';
import { slackIdSchema, tenantOf } from '../requester.js';

const homeOpenedSchema = z.object({
  body: z.object({
    team_id: slackIdSchema,
    enterprise_id: slackIdSchema.nullish(),
    authorizations: z.array(z.object({ is_enterprise_install: z.boolean().optional() })).optional(),
  }),
  event: z.object({ user: slackIdSchema, tab: z.literal('home') }),
});

/** `app_home_opened` on the Home tab: publish the person's decisions. Events need no reply beyond the ack Bolt sends. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({
    body,
    event,
    client,
    logger,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    // The Messages tab sends the same event; only the Home tab is ours to draw.
    const parsed = homeOpenedSchema.safeParse({ body, event });
    if (!parsed.success) return;
    const { team_id, enterprise_id, authorizations } = parsed.data.body;
    const teamId = tenantOf({
      teamId: team_id,
      enterpriseId: enterprise_id ?? undefined,
      isEnterpriseInstall: authorizations?.[0]?.is_enterprise_install === true,
    }) as string;
    const userId = parsed.data.event.user;
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
  };
}

async function entryOf(client: WebClient, decision: Decision): Promise<HomeEntry> {
  if (!decision.message) return { decision };
  const link = await client.chat
    .getPermalink({ channel: decision.message.channel, message_ts: decision.message.ts })
    .then((answer) => answer.permalink)
    .catch(() => undefined);
  return link ? { decision, link } : { decision };
}
