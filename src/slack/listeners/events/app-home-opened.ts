import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { slackIdSchema } from '../../../domain/ids.js';
import type { ListenerDeps } from '../../deps.js';
import { publishHome } from '../../flows/home.js';
import { tenantOf } from '../requester.js';

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
    await publishHome({ deps, client, logger, teamId, userId });
  };
}
