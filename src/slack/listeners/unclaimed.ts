import type { Guard } from '../front-door.js';
import { ACTION_LISTENERS } from './actions/index.js';
import { VIEW_LISTENERS } from './views/index.js';

/** What the registrars listen to, so a new listener is never acknowledged empty here before it runs. */
const OUR_CALLBACKS = new Set(Object.keys(VIEW_LISTENERS));
const OUR_ACTIONS = new Set(Object.keys(ACTION_LISTENERS));

/**
 * Interactive payloads no listener here claims (another callback id, a view Slack sent back broken, a
 * view_closed we never asked for) are acknowledged at once with an empty body, instead of leaving Slack to
 * wait 3 seconds for a 404.
 */
export const acknowledgeUnclaimed: Guard = (args) => {
  const body = args.body as { type?: unknown; view?: { callback_id?: unknown } | null; actions?: unknown };
  const ack = (args as { ack?: () => Promise<void> }).ack;
  if (!ack || !isUnclaimed(body)) return false;
  return ack().then(() => true);
};

function isUnclaimed(body: {
  type?: unknown;
  view?: { callback_id?: unknown } | null;
  actions?: unknown;
}): boolean {
  switch (body.type) {
    case 'view_submission':
      return !OUR_CALLBACKS.has(String(body.view?.callback_id));
    case 'view_closed':
      return true;
    case 'block_actions': {
      // Bolt routes a block_actions payload by its first action only.
      const [first] = Array.isArray(body.actions) ? body.actions : [];
      return !OUR_ACTIONS.has(String((first as { action_id?: unknown } | undefined)?.action_id));
    }
    default:
      return false;
  }
}
