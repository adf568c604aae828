import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { slackIdSchema } from '../../../domain/ids.js';
import type { CommandArgs } from '../commands/command-args.js';

/**
 * A click on a button the slash command put up carries everything the command did (who, where, a fresh trigger
 * id), so it can run the command's own handler.
 */

export type ClickArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

const clickSchema = z.object({
  team: z.object({ id: slackIdSchema }).nullish(),
  user: z.object({ id: slackIdSchema, team_id: slackIdSchema.optional() }),
  channel: z.object({ id: slackIdSchema }),
  trigger_id: z.string().min(1).max(255),
  enterprise: z.object({ id: slackIdSchema }).nullish(),
  is_enterprise_install: z.boolean().optional(),
  actions: z.array(z.object({ value: z.string().max(2000).optional() })).min(1),
});

/** The click as the slash command's arguments; undefined (and acknowledged) when the payload is not usable. */
export async function asCommand(args: ClickArgs): Promise<CommandArgs | undefined> {
  const { ack, body, client, respond, logger } = args;
  const parsed = clickSchema.safeParse(body);
  const teamId = parsed.success ? (parsed.data.team?.id ?? parsed.data.user.team_id) : undefined;
  if (!parsed.success || !teamId) {
    await ack();
    return undefined;
  }
  const { user, channel, trigger_id, enterprise, is_enterprise_install, actions } = parsed.data;
  return {
    command: {
      team_id: teamId,
      user_id: user.id,
      channel_id: channel.id,
      trigger_id,
      text: actions[0]?.value ?? '',
      ...(enterprise ? { enterprise_id: enterprise.id } : {}),
      is_enterprise_install: String(is_enterprise_install === true),
    },
    // A click's acknowledgement carries no message: what a command would say in its ack goes to the person.
    ack: async (reply) => {
      await ack();
      if (reply) await respond(reply);
    },
    client,
    respond,
    logger,
  };
}
