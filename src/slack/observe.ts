import type { App, Logger, ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';
import { decisionIdSchema } from '../domain/ids.js';
import { withLazyLogContext } from '../ops/log-context.js';
import type { AppMetrics, Surface } from '../ops/metrics.js';
import type { InFlightWork } from './in-flight.js';
import { requesterOf, slashCommandSchema } from './listeners/requester.js';
import { decodeMetadata } from './metadata.js';

/**
 * Watches every request on its way through Bolt, in either transport: how long until it is acknowledged, and
 * the work in progress from its arrival until its listener is done (whether it succeeded is counted by the
 * front door, front-door.ts).
 */
export function observeRequests(app: App, metrics: AppMetrics, inFlight: InFlightWork): void {
  // processEvent is the one door every receiver (HTTP, Socket Mode) hands requests through, with their ack,
  // and it returns once every listener is done, what it does after acknowledging included.
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const surface = surfaceOf(event.body);
    const arrived = performance.now();
    const ack: ReceiverEvent['ack'] = async (response) => {
      try {
        return await event.ack(response);
      } finally {
        metrics.acknowledged(surface, (performance.now() - arrived) / 1000);
      }
    };
    return inFlight.during(() => processEvent({ ...event, ack }));
  };
}

/**
 * The logger for what is done about one request: its lines carry the tenant, decision and surface the
 * payload names (worked out when the first line is written).
 */
export function requestLogger(logger: Logger, body: unknown): Logger {
  return withLazyLogContext(logger, () => ({ surface: surfaceOf(body), ...whereFrom(body) }));
}

/** A listener that logs through the request's logger (above) instead of Bolt's shared one. */
export function inRequestContext<Args extends { logger: Logger; body: unknown }>(
  listener: (args: Args) => Promise<void>,
): (args: Args) => Promise<void> {
  return (args) => listener({ ...args, logger: requestLogger(args.logger, args.body) });
}

/** What kind of request a payload is; read on every request, so without a schema: two fields, each a string or not. */
export function surfaceOf(body: unknown): Surface {
  if (body === null || typeof body !== 'object') return 'other';
  const { type, command } = body as { type?: unknown; command?: unknown };
  if (typeof command === 'string') return 'command';
  if (command !== undefined) return 'other';
  switch (type) {
    case 'block_actions':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'event_callback':
      return 'event';
    case 'block_suggestion':
      return 'options';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    default:
      return 'other';
  }
}

const decisionCarriers = z.object({
  view: z.object({ private_metadata: z.string().optional() }).optional(),
  actions: z.array(z.object({ value: z.string().optional() })).optional(),
  team_id: z.string().optional(),
});

/** The tenant and decision a payload names, as far as it is known before any listener runs. */
function whereFrom(body: unknown): { workspace?: string; decision?: string } {
  const command = slashCommandSchema.safeParse(body);
  const workspace = command.success ? command.data.tenant_id : requesterOf(body)?.teamId;
  const carriers = decisionCarriers.safeParse(body);
  const fromView = carriers.success ? decodeMetadata(carriers.data.view?.private_metadata) : null;
  const fromAction = decisionIdSchema.safeParse(
    carriers.success ? carriers.data.actions?.[0]?.value : undefined,
  );
  const decision = fromView?.decisionId ?? (fromAction.success ? fromAction.data : undefined);
  const eventTeam = carriers.success ? carriers.data.team_id : undefined;
  return {
    ...((workspace ?? eventTeam) ? { workspace: workspace ?? eventTeam } : {}),
    ...(decision ? { decision } : {}),
  };
}
