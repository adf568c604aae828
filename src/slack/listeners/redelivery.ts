import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { DecisionStore } from '../../store/port.js';
import { slackIdSchema, tenantOf } from './requester.js';

/**
 * A slash command or an event that Slack (or a proxy) delivers again, with or without `X-Slack-Retry-Num`,
 * has one effect: the first delivery claims its id (a command's trigger id, an event's event id) and any
 * repeat is acknowledged and dropped. The retry header alone drops nothing: a retry is often the first
 * delivery that reached us. View submissions are deduplicated with their save (`store/scripts/save-step.ts`);
 * `app_uninstalled` and `tokens_revoked` are left out: they are idempotent, and a marker would outlive the
 * erasure of the tenant they end.
 */

const TENANT_ENDING_EVENTS = new Set(['app_uninstalled', 'tokens_revoked']);

const repeatableSchema = z.union([
  z.object({ command: z.string(), trigger_id: z.string().min(1).max(255) }),
  z.object({
    type: z.literal('event_callback'),
    event_id: z.string().min(1).max(255),
    // Not these: they erase the tenant, marker included, and are idempotent by design (slack/lifecycle.ts).
    event: z.object({ type: z.string().refine((type) => !TENANT_ENDING_EVENTS.has(type)) }),
  }),
]);

function requestIdOf(body: unknown): string | undefined {
  const parsed = repeatableSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const id = 'command' in parsed.data ? `command:${parsed.data.trigger_id}` : `event:${parsed.data.event_id}`;
  // Hashed: the id comes from the payload and goes into a Redis key.
  return createHash('sha256').update(id).digest('base64url').slice(0, 22);
}

function tenantOfContext(context: Context): string | undefined {
  const tenant = tenantOf({
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  });
  return slackIdSchema.safeParse(tenant).success ? tenant : undefined;
}

export function handleOnce(store: DecisionStore): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const requestId = requestIdOf(args.body);
    const tenant = tenantOfContext(args.context);
    if (!requestId || !tenant) {
      await args.next();
      return;
    }
    const first = await store.claimRequest(tenant, requestId).catch((error: unknown) => {
      // Without the store the listener fails anyway and says so to the person; better that than silence.
      args.logger.warn('Could not check whether a request was delivered before', error);
      return true;
    });
    if (first) {
      await args.next();
      return;
    }
    args.logger.info(
      `Dropped a repeated delivery${args.context.retryNum ? ` (X-Slack-Retry-Num ${args.context.retryNum})` : ''}`,
    );
    const ack = (args as { ack?: () => Promise<void> }).ack;
    await ack?.();
  };
}
