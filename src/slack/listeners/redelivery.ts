import { createHash } from 'node:crypto';
import type { Context } from '@slack/bolt';
import { z } from 'zod';
import { slackIdSchema } from '../../domain/ids.js';
import type { DecisionStore } from '../../store/port.js';
import type { Guard, GuardArgs } from '../front-door.js';
import { slashCommandSchema, tenantOf } from './requester.js';

/**
 * A slash command or an event that Slack (or a proxy) delivers again, with or without `X-Slack-Retry-Num`,
 * has one effect: the first delivery claims its id (a command's trigger id, an event's event id) and any
 * repeat is acknowledged and dropped. The retry header alone drops nothing: a retry is often the first
 * delivery that reached us. A command that starts a decision is claimed by its listener in the same write as
 * the decision (`DecisionStore.createDecisionOnce`, one round trip where Redis allows it), so it is passed on
 * unclaimed here. View submissions are deduplicated with their save (`store/scripts/save-step.ts`);
 * `app_uninstalled` and `tokens_revoked` are left out: they are idempotent, and a marker would outlive the
 * erasure of the tenant they end.
 */

const TENANT_ENDING_EVENTS = new Set(['app_uninstalled', 'tokens_revoked']);

const eventSchema = z.object({
  type: z.literal('event_callback'),
  team_id: slackIdSchema,
  event_id: z.string().regex(/^Ev[A-Z0-9]{2,40}$/),
  // Not these: they erase the tenant, marker included, and are idempotent by design (slack/lifecycle.ts).
  event: z.object({ type: z.string().refine((type) => !TENANT_ENDING_EVENTS.has(type)) }),
});

/**
 * The tenant and the id of a request Slack may repeat, only for a well-formed one: a payload the listeners
 * would refuse writes nothing, not even a marker.
 */
function repeatableRequest(
  body: unknown,
  context: Context,
  claimedByItsListener: (commandText: string) => boolean,
): { tenant: string; id: string } | undefined {
  // Most requests are neither (a view submission, a button): two fields tell, before a schema fails on them.
  const { type, command: name } = (body ?? {}) as { type?: unknown; command?: unknown };
  if (name === undefined && type !== 'event_callback') return undefined;
  const command = slashCommandSchema.safeParse(body);
  if (command.success)
    return claimedByItsListener(command.data.text ?? '')
      ? undefined
      : { tenant: command.data.tenant_id, id: commandRequestId(command.data.trigger_id) };
  const event = eventSchema.safeParse(body);
  if (!event.success) return undefined;
  const tenant = tenantOf({
    teamId: context.teamId ?? event.data.team_id,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  });
  return tenant && slackIdSchema.safeParse(tenant).success
    ? { tenant, id: hashed(`event:${event.data.event_id}`) }
    : undefined;
}

/** A slash command's request id for claimRequest and createDecisionOnce: one per trigger id. */
export function commandRequestId(triggerId: string): string {
  return hashed(`command:${triggerId}`);
}

/** Hashed: the id comes from the payload and goes into a Redis key. */
function hashed(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 22);
}

/** `claimedByItsListener`: a slash command, by its text, whose listener claims it itself (starting a decision). */
export function handleOnce(
  store: DecisionStore,
  claimedByItsListener: (commandText: string) => boolean,
): Guard {
  return (args) => {
    const request = repeatableRequest(args.body, args.context, claimedByItsListener);
    return request ? dropIfRepeated(store, request, args) : false;
  };
}

/** Claims the request's id; a repeat (the id already claimed) is acknowledged and dropped. */
async function dropIfRepeated(
  store: DecisionStore,
  request: { tenant: string; id: string },
  args: GuardArgs,
): Promise<boolean> {
  const first = await store.claimRequest(request.tenant, request.id).catch((error: unknown) => {
    // Without the store the listener fails anyway and says so to the person; better that than silence.
    args.logger.warn('Could not check whether a request was delivered before', error);
    return true;
  });
  if (first) return false;
  args.logger.info(
    `Dropped a repeated delivery${args.context.retryNum ? ` (X-Slack-Retry-Num ${args.context.retryNum})` : ''}`,
  );
  const ack = (args as { ack?: () => Promise<void> }).ack;
  await ack?.();
  return true;
}
