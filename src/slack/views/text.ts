import { UTCDate } from '@date-fns/utc';
import type { PlainTextElement, SectionBlock } from '@slack/types';
import { format } from 'date-fns';
import { cutText } from '../../domain/format.js';

/**
 * Every builder of Slack text escapes what a person typed with this one function (see `escapeMarkup`): mrkdwn
 * blocks and every message's `text` (its notification), file comments included. Not for plain_text fields
 * (headers, modal titles), which Slack shows as written.
 */
export { escapeMarkup as escapeMrkdwn } from '../../domain/format.js';

/** Cuts text to Slack's limit for a field, marking the cut with an ellipsis, never through a character. */
export const truncate = cutText;

export function plain(text: string, max = 3000): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** A mrkdwn section, its text cut to Slack's 3,000-character limit. */
export function section(blockId: string, text: string): SectionBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

/**
 * A moment as Slack shows it in each reader's own time zone ("Yesterday at 4:30 PM"); the fallback, for clients
 * that cannot, is in UTC and says so.
 */
export function slackDateTime(iso: string): string {
  return slackDate(iso, '{date_short_pretty} at {time}', 'd MMM yyyy, HH:mm');
}

/** A day as Slack shows it in each reader's own time zone ("Nov 24th" or "Today"). */
export function slackDay(iso: string): string {
  return slackDate(iso, '{date_short_pretty}', 'd MMM yyyy');
}

function slackDate(iso: string, tokens: string, fallbackPattern: string): string {
  const unix = Math.floor(new Date(iso).getTime() / 1000);
  return `<!date^${unix}^${tokens}|${format(new UTCDate(iso), fallbackPattern)} UTC>`;
}

/** A person as Slack shows them to every reader: "<@U0ALICE>". */
export function mention(userId: string): string {
  return `<@${userId}>`;
}
