import type { InstallationQuery } from '@slack/bolt';
import { z } from 'zod';
import { slackIdSchema } from '../../domain/ids.js';

/**
 * Who is asking, read from a payload and checked: every id that reaches the store or a Redis key is
 * validated here first.
 *
 * `teamId` is the tenant every key is scoped by: the workspace, or, when the app is installed org-wide on
 * Enterprise Grid, the org (its `E…` id). People from several workspaces of one org share channels, so an
 * org-wide install keeps one set of decisions for the whole org; a workspace install keeps its own.
 */
export interface Requester {
  teamId: string;
  userId: string;
}

/** The tenant of a request: the org for an org-wide install, otherwise the workspace. */
export function tenantOf(source: {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}): string | undefined {
  return source.isEnterpriseInstall && source.enterpriseId ? source.enterpriseId : source.teamId;
}

/** True for an org-wide install's tenant (an Enterprise Grid org id). */
export function isOrgTenant(teamId: string): boolean {
  return teamId.startsWith('E');
}

/** The installation a tenant's token lives in: the org's for an org-wide install, else the workspace's. */
export function installationQueryOf(teamId: string): InstallationQuery<boolean> {
  return isOrgTenant(teamId)
    ? { teamId: undefined, enterpriseId: teamId, isEnterpriseInstall: true }
    : { teamId, enterpriseId: undefined, isEnterpriseInstall: false };
}

const eventEnvelopeSchema = z.object({
  // An org-wide install's events about the whole org may come without a workspace.
  team_id: slackIdSchema.nullish(),
  enterprise_id: slackIdSchema.nullish(),
  authorizations: z.array(z.object({ is_enterprise_install: z.boolean().optional() })).optional(),
  is_enterprise_install: z.boolean().optional(),
});

/** The tenant an Events API delivery is about, from its envelope; undefined when the envelope names none. */
export function eventTenantOf(body: unknown): string | undefined {
  const parsed = eventEnvelopeSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { team_id, enterprise_id, authorizations, is_enterprise_install } = parsed.data;
  return tenantOf({
    teamId: team_id ?? undefined,
    enterpriseId: enterprise_id ?? undefined,
    isEnterpriseInstall: (authorizations?.[0]?.is_enterprise_install ?? is_enterprise_install) === true,
  });
}

const interactionSchema = z.object({
  team: z.object({ id: slackIdSchema, enterprise_id: slackIdSchema.optional() }).nullish(),
  user: z.object({ id: slackIdSchema, team_id: slackIdSchema.optional() }),
  enterprise: z.object({ id: slackIdSchema }).nullish(),
  is_enterprise_install: z.boolean().optional(),
});

export function requesterOf(body: unknown): Requester | undefined {
  const parsed = interactionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { team, user, enterprise, is_enterprise_install: isEnterpriseInstall } = parsed.data;
  // Org-wide installs may send `team: null`; the person's own workspace is then the one on the user.
  const teamId = tenantOf({
    teamId: team?.id ?? user.team_id,
    enterpriseId: enterprise?.id ?? team?.enterprise_id,
    isEnterpriseInstall: isEnterpriseInstall === true,
  });
  return teamId ? { teamId, userId: user.id } : undefined;
}

export const slashCommandSchema = z
  .object({
    team_id: slackIdSchema,
    user_id: slackIdSchema,
    channel_id: slackIdSchema,
    trigger_id: z.string().min(1).max(255),
    text: z.string().max(4000).optional(),
    enterprise_id: slackIdSchema.optional(),
    is_enterprise_install: z.enum(['true', 'false']).optional(),
  })
  .transform((fields) => ({
    ...fields,
    /** The tenant (see Requester), not always the workspace of `team_id`. */
    tenant_id: tenantOf({
      teamId: fields.team_id,
      enterpriseId: fields.enterprise_id,
      isEnterpriseInstall: fields.is_enterprise_install === 'true',
    }) as string,
  }));
