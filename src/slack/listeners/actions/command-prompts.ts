import type { ListenerDeps } from '../../deps.js';
import { forgetMe } from '../commands/forget-me.js';
import { startDecision } from '../commands/start-decision.js';
import { asCommand, type ClickArgs } from './click-as-command.js';

/**
 * The buttons the slash command puts up when it asks back ("Did you mean `export`?", "Forget my answers?"):
 * a click carries everything the command did (who, where, a fresh trigger id), so it runs the command's own
 * handler, then removes the question.
 */

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
