import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { ListenerDeps } from '../../deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { forgetMe } from '../commands/forget-me.js';
import { startDecision } from '../commands/start-decision.js';
import { slackIdSchema } from '../requester.js';

/**
 * The buttons the slash command puts up when it asks back ("Did you mean `export`?", "Forget my answers?"):
 * a click carries everything the command did (who, where, a fresh trigger id), so it runs the command's own
 * handler, then removes the question.
 */

type ClickArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

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
async function asCommand(args: ClickArgs): Promise<CommandArgs | undefined> {
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

async function removeQuestion(args: ClickArgs): Promise<void> {
  await args.respond({ delete_original: true }).catch(() => undefined);
}

/** "Start “exprot”": the mistyped text was meant as a title after all. */
export function startDecisionAnyway(deps: ListenerDeps) {
  const start = startDecision(deps);
  return async (args: ClickArgs) => {
    const command = await asCommand(args);
    if (!command) return;
    await start(command);
    await removeQuestion(args);
  };
}

/** "Forget my answers": the person confirmed `forget me`. */
export function confirmForgetMe(deps: ListenerDeps) {
  const forget = forgetMe(deps);
  return async (args: ClickArgs) => {
    const command = await asCommand(args);
    if (!command) return;
    await removeQuestion(args);
    await forget(command);
  };
}
