/** Turns a Web API failure into something the person who asked can act on. */

export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function explainPostFailure(error: unknown): string {
  switch (slackErrorCode(error)) {
    case 'not_in_channel':
    case 'channel_not_found':
      return 'I can’t post in this channel yet. Invite me with `/invite @Stream Verdict` and run the command again (or use a public channel).';
    case 'is_archived':
      return 'This channel is archived, so I can’t post the decision here. Try another channel.';
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
      return 'Posting is restricted in this channel, so I can’t post the decision here. Try another channel.';
    default:
      return 'Slack didn’t accept the decision message just now. Please try again in a minute.';
  }
}
