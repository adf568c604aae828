/**
 * Slack's mrkdwn and plain_text, rendered to HTML the way Slack's client shows them: *bold*, _italic_,
 * ~strike~, `code`, ```blocks```, > quotes, line breaks, :emoji:, and the `<…>` entities for people,
 * channels, special mentions and links. Text arrives with Slack's own escaping (&amp; &lt; &gt;), which is
 * undone before the HTML escaping is applied, so what the app escaped shows as the character it meant.
 */
import { escapeHtml, raw, type SafeHtml } from './html.js';

/** Names for the ids that mentions carry. */
export interface Directory {
  userName(userId: string): string | undefined;
  channelName(channelId: string): string | undefined;
}

/** The shortcodes an app is likely to use; any other `:name:` stays as typed, as Slack shows unknown ones. */
const EMOJI: Readonly<Record<string, string>> = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  x: '❌',
  no_entry: '⛔',
  question: '❓',
  exclamation: '❗',
  information_source: 'ℹ️',
  bulb: '💡',
  tada: '🎉',
  rocket: '🚀',
  fire: '🔥',
  zap: '⚡',
  eyes: '👀',
  wave: '👋',
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  thinking_face: '🤔',
  speech_balloon: '💬',
  memo: '📝',
  clipboard: '📋',
  pushpin: '📌',
  scales: '⚖️',
  trophy: '🏆',
  moneybag: '💰',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  gear: '⚙️',
  hammer_and_wrench: '🛠️',
  construction: '🚧',
  rotating_light: '🚨',
  pager: '📟',
  lock: '🔒',
  hourglass_flowing_sand: '⏳',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  large_orange_circle: '🟠',
  red_circle: '🔴',
  large_blue_circle: '🔵',
};

const HOLD_START = '\uE000';
const HOLD_END = '\uE001';
const HELD = /\uE000(\d+)\uE001/g;
const HAS_HELD = /\uE000\d+\uE001/;

/** Undoes Slack's escaping of the three characters mrkdwn reserves. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function emojify(escaped: string): string {
  return escaped.replace(/:([a-z0-9_+-]+):/g, (match, name: string) => EMOJI[name] ?? match);
}

/** plain_text: escaped, line breaks kept, shortcodes shown as emoji (Slack's `emoji: true`, the default). */
export function renderPlainText(text: string, { emoji = true } = {}): SafeHtml {
  const escaped = escapeHtml(text);
  return raw((emoji ? emojify(escaped) : escaped).replace(/\n/g, '<br>'));
}

export function renderMrkdwn(text: string, directory: Directory): SafeHtml {
  const held: string[] = [];
  const hold = (markup: string) => `${HOLD_START}${held.push(markup) - 1}${HOLD_END}`;

  // Entities first: their ids and URLs must not be read as formatting.
  let work = text.replace(/<([^<>\n]+)>/g, (_match, inner: string) => hold(renderEntity(inner, directory)));
  work = escapeHtml(unescapeSlack(work));
  // Code is shown as typed: nothing inside it is formatted.
  work = work.replace(/```\n?([\s\S]*?)```/g, (_match, code: string) => hold(`<pre>${code}</pre>`));
  work = work.replace(/`([^`\n]+)`/g, (_match, code: string) => hold(`<code>${code}</code>`));
  work = emphasize(work, '*', 'b');
  work = emphasize(work, '_', 'i');
  work = emphasize(work, '~', 's');
  work = emojify(work);
  work = quotesAndLineBreaks(work);

  let restored = work;
  while (HAS_HELD.test(restored)) {
    restored = restored.replace(HELD, (_match, index: string) => held[Number(index)] ?? '');
  }
  return raw(restored);
}

/** `*x*`, `_x_`, `~x~`: the marker must hug the text and must not sit inside a word, as in Slack. */
function emphasize(text: string, marker: string, tag: string): string {
  // In a unicode-mode pattern only syntax characters may be escaped: `*` must be, `_` and `~` must not.
  const m = marker === '*' ? '\\*' : marker;
  const pattern = new RegExp(
    `(^|[^\\p{L}\\p{N}${m}])${m}(?!\\s)([^${m}\\n]*?[^\\s${m}])${m}(?![\\p{L}\\p{N}${m}])`,
    'gmu',
  );
  return text.replace(pattern, `$1<${tag}>$2</${tag}>`);
}

/** Lines starting with `>` become a quote; other line breaks become <br>. */
function quotesAndLineBreaks(text: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const quoted = line.match(/^&gt; ?(.*)$/);
    if (quoted) {
      quote.push(quoted[1] ?? '');
      return;
    }
    flushQuote();
    out.push(line + (index < lines.length - 1 ? '<br>' : ''));
  });
  flushQuote();
  return out.join('');
}

function renderEntity(inner: string, directory: Directory): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : unescapeSlack(inner.slice(bar + 1));
  const mention = (text: string) => `<span class="mention">${escapeHtml(text)}</span>`;

  if (target.startsWith('@')) {
    const id = target.slice(1);
    return mention(`@${directory.userName(id) ?? label ?? id}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return mention(`#${directory.channelName(id) ?? label ?? id}`);
  }
  if (target.startsWith('!')) {
    const special = target.slice(1);
    if (special === 'here' || special === 'channel' || special === 'everyone') return mention(`@${special}`);
    // `<!date^UNIX^tokens|fallback>`: Slack formats it in the reader's zone; the sandbox shows the fallback,
    // marked as the moment it stands for.
    const date = special.match(/^date\^(\d+)\^/);
    if (date && label !== undefined) {
      const iso = new Date(Number(date[1]) * 1000).toISOString();
      return `<time datetime="${iso}">${escapeHtml(label)}</time>`;
    }
    return label === undefined ? '' : escapeHtml(label);
  }
  const url = unescapeSlack(target);
  if (/^(https?:\/\/|mailto:)/i.test(url)) {
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label ?? url)}</a>`;
  }
  return escapeHtml(`<${unescapeSlack(inner)}>`);
}
