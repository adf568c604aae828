import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { ListenerDeps } from '../../deps.js';
import { revokeTenant } from '../../lifecycle.js';
import { eventTenantOf } from '../requester.js';

const revokedSchema = z.object({
  tokens: z.object({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
});

/**
 * `tokens_revoked`: when the bot token is among them, the installation is deleted and scheduled work stops.
 * The app holds no user tokens, so a revocation of user tokens alone changes nothing.
 */
export function tokensRevoked(deps: ListenerDeps) {
  return async ({ body, event, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'tokens_revoked'>) => {
    const parsed = revokedSchema.safeParse(event);
    const teamId = eventTenantOf(body);
    if (!parsed.success || !teamId) {
      logger.warn('tokens_revoked named no workspace or no tokens; nothing was changed');
      return;
    }
    if ((parsed.data.tokens.bot ?? []).length === 0) return;
    await revokeTenant(deps, teamId, logger).catch((error: unknown) => {
      logger.error(`Could not stop the scheduled work of ${teamId} after tokens_revoked`, error);
    });
  };
}
