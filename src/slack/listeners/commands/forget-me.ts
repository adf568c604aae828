import type { ListenerDeps } from '../../deps.js';
import { forgetPerson } from '../../flows/forget-me.js';
import { acknowledgeCommand } from './acknowledge.js';
import type { CommandArgs } from './command-args.js';

/** `/stream-verdict forget me`, once confirmed: the caller's answers removed from every decision of the workspace. */
export function forgetMe(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const command = await acknowledgeCommand(args);
    if (command) await forgetPerson({ deps, client: args.client, logger: args.logger, ...command });
  };
}
