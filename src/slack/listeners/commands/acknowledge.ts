import { slashCommandSchema } from '../requester.js';
import type { CommandArgs } from './command-args.js';

export interface AcknowledgedCommand {
  /** The tenant: the workspace, or the org for an org-wide install. */
  teamId: string;
  userId: string;
  channelId: string;
  /** Replies to the person alone, through the command's response_url. */
  tell(text: string): Promise<void>;
}

/**
 * For sub-commands that answer later: checks the command's fields and acknowledges it. A malformed command
 * is answered in the acknowledgement itself (its response_url is not trusted) and yields undefined.
 */
export async function acknowledgeCommand({
  ack,
  command,
  respond,
}: CommandArgs): Promise<AcknowledgedCommand | undefined> {
  const fields = slashCommandSchema.safeParse(command);
  if (!fields.success) {
    await ack({ response_type: 'ephemeral', text: 'That command arrived incomplete. Please try again.' });
    return undefined;
  }
  await ack();
  return {
    teamId: fields.data.tenant_id,
    userId: fields.data.user_id,
    channelId: fields.data.channel_id,
    tell: (text) => respond({ response_type: 'ephemeral', text }).then(() => undefined),
  };
}
