import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { startDecision } from './start-decision.js';

/** The slash command's name, as in manifest.json. */
export const COMMAND = '/stream-verdict';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(COMMAND, startDecision(deps));
}
