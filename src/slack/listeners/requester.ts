import { z } from 'zod';

/**
 * Who is asking, read from an interactive payload and checked: every id that reaches the store or a Redis
 * key is validated here first. Org-wide installs may send `team: null`; the person's own workspace is then
 * the one on the user.
 */
export interface Requester {
  teamId: string;
  userId: string;
}

export const slackIdSchema = z.string().regex(/^[A-Z0-9]{2,32}$/);

const interactionSchema = z.object({
  team: z.object({ id: slackIdSchema }).nullish(),
  user: z.object({ id: slackIdSchema, team_id: slackIdSchema.optional() }),
});

export function requesterOf(body: unknown): Requester | undefined {
  const parsed = interactionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const teamId = parsed.data.team?.id ?? parsed.data.user.team_id;
  return teamId ? { teamId, userId: parsed.data.user.id } : undefined;
}

export const slashCommandSchema = z.object({
  team_id: slackIdSchema,
  user_id: slackIdSchema,
  channel_id: slackIdSchema,
  trigger_id: z.string().min(1).max(255),
  text: z.string().max(4000).optional(),
});
