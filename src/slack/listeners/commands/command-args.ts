import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../deps.js';

/** The slash command's name, as in manifest.json. */
export const COMMAND = '/stream-verdict';

/**
 * What a command handler needs of a request: Bolt's slash command arguments, or the same built from a click on
 * a button the command put up (see actions/command-prompts.ts).
 */
export interface CommandArgs {
  ack(reply?: RespondArguments): Promise<void>;
  /** The slash command's fields, checked by slashCommandSchema before use. */
  command: object;
  client: WebClient;
  respond: RespondFn;
  logger: Logger;
}

/** A word (or words) after the command that does something other than start a decision. */
export interface Subcommand {
  name: string;
  summary: string;
  /** What follows the command in the help's example. */
  example: string;
  /** Acknowledges the command itself. */
  run(deps: ListenerDeps, args: CommandArgs): Promise<void>;
}
