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

/** Platform errors that say "not now" rather than "never": trying again later may succeed. */
const TRANSIENT_SLACK_ERRORS = new Set([
  'ratelimited',
  'service_unavailable',
  'internal_error',
  'fatal_error',
  'request_timeout',
  'team_added_to_org',
]);

/**
 * Whether a failed publish is worth trying again later: a timeout, a network or store failure, a rate limit or
 * Slack being unwell is; Slack refusing the request itself (no such channel, not allowed) is not.
 */
export function isRetryable(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code === undefined || TRANSIENT_SLACK_ERRORS.has(code);
}
