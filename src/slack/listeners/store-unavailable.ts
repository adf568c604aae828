import { z } from 'zod';
import { STEPS } from '../../domain/questions.js';
import { notices } from '../flows/questionnaire.js';
import type { Guard } from '../front-door.js';
import { decodeMetadata } from '../metadata.js';

/**
 * OAuth mode: a request whose workspace installation could not be read (the store is down or slow; see
 * tokenlessWhileUnavailable) arrives with no bot token. Nothing can be done for it, but the person is told so
 * where they are looking: in the command's reply, beside the modal's first field, or privately in the channel.
 */

const COMMAND_TEXT =
  ':warning: Stream Verdict can’t reach its storage just now, so it can’t look up this workspace’s installation. Nothing was started; please try again in a minute.';
const STEP_TEXT =
  'Couldn’t reach my storage just now, so this step isn’t saved yet. Nothing you entered is lost: press the button again in a moment.';
const CLICK_TEXT =
  ':warning: Stream Verdict can’t reach its storage just now, so it can’t do that. Please try again in a minute.';

const payloadSchema = z.object({
  type: z.string().optional(),
  command: z.string().optional(),
  view: z.object({ private_metadata: z.string().optional() }).optional(),
  event: z.object({ type: z.string() }).optional(),
});

/**
 * Events Bolt delivers without authorizing them (their installation may be gone already), so they carry no
 * token whatever the store's state: the app leaving a workspace must still be handled (slack/lifecycle.ts).
 */
const EVENTS_WITHOUT_AUTHORIZATION = new Set(['app_uninstalled', 'tokens_revoked']);

type Reply = (response?: Record<string, unknown>) => Promise<void>;

export const answerWhileInstallationUnreadable: Guard = async (args) => {
  const body = payloadSchema.safeParse(args.body);
  const payload = body.success ? body.data : {};
  const unauthorizedEvent =
    payload.event !== undefined && EVENTS_WITHOUT_AUTHORIZATION.has(payload.event.type);
  if (args.context.botToken !== undefined || unauthorizedEvent) return false;
  // Other events have no one waiting for an answer, and without a token nothing can be said to anyone.
  const ack = (args as { ack?: Reply }).ack;
  if (!ack) return true;
  if (payload.command !== undefined) {
    await ack({ response_type: 'ephemeral', text: COMMAND_TEXT });
    return true;
  }
  if (payload.type === 'view_submission') {
    const metadata = decodeMetadata(payload.view?.private_metadata);
    const field = metadata ? STEPS[metadata.step]?.questions[0]?.id : undefined;
    await ack(
      field
        ? { response_action: 'errors', errors: { [field]: STEP_TEXT } }
        : { response_action: 'update', view: notices.storeDown },
    );
    return true;
  }
  await ack();
  // A button in a message carries a response URL, which needs no token.
  const respond = (args as { respond?: Reply }).respond;
  if (payload.type === 'block_actions' && respond)
    await respond({ response_type: 'ephemeral', replace_original: false, text: CLICK_TEXT });
  return true;
};
