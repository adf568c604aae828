import type { ListenerDeps } from '../../deps.js';
import { exportLatestRecord } from '../../flows/export-record.js';
import { acknowledgeCommand } from './acknowledge.js';
import type { CommandArgs } from './command-args.js';

/** `/stream-verdict export`: the latest decision in the channel as a Markdown decision record, as a file. */
export function exportRecord(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const command = await acknowledgeCommand(args);
    if (command) await exportLatestRecord({ deps, client: args.client, logger: args.logger, ...command });
  };
}
