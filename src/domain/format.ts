/**
 * Text a person typed (a title, an unknown option), made inert wherever it is shown as markup: Slack's mrkdwn
 * reads `&`, `<` and `>` as control characters (`<!channel>`, `<@U…>`, `<https://…|Click>`), and Markdown
 * reads `<` as the start of a link or HTML. As entities they show as typed in both.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** Below this, a number in hundredths is an exact integer (under 2^53), so the rounding below is exact. */
const FAST_FORMAT_LIMIT = 1e13;

/**
 * Numbers as people read them in messages: "100,000", "0.01", "12.5". What Intl.NumberFormat('en-US', at most
 * two decimals) writes, built by hand for the non-negative numbers the model formats, since Intl took a tenth of
 * a verdict's time (mostly in the flip search's cost designs). Like Intl, it rounds the shortest decimal that
 * reads back as the number (0.015, not the binary 0.01499…) half away from zero. Anything else goes to Intl;
 * test/domain/format.test.ts holds the two equal.
 */
export function formatNumber(value: number): string {
  if (!(value >= 0 && value < FAST_FORMAT_LIMIT) || Object.is(value, -0)) return NUMBER_FORMAT.format(value);
  const shortest = String(value);
  if (shortest.includes('e')) return NUMBER_FORMAT.format(value);
  const point = shortest.indexOf('.');
  if (point === -1) return grouped(shortest);
  const fraction = shortest.slice(point + 1);
  if (fraction.length <= 2) return `${grouped(shortest.slice(0, point))}.${fraction}`;
  const up = fraction.charCodeAt(2) >= 53; /* '5' */
  const hundredths = String(Number(shortest.slice(0, point) + fraction.slice(0, 2)) + (up ? 1 : 0)).padStart(
    3,
    '0',
  );
  const whole = hundredths.slice(0, -2);
  const cents = hundredths.slice(-2).replace(/0+$/, '');
  return cents ? `${grouped(whole)}.${cents}` : grouped(whole);
}

/** Whole digits with a comma between thousands. */
function grouped(digits: string): string {
  if (digits.length <= 3) return digits;
  let text = digits.slice(0, digits.length % 3 || 3);
  for (let at = text.length; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
  return text;
}

/** A larger unit a number reads better in from `size` of the smaller up: 1,024 KB as a MiB. */
export interface LargeUnit {
  unit: string;
  size: number;
}

/**
 * A number with its unit, the unit for one where it has one, a large number in the larger unit where there is
 * one: "20 MB/s", "1 day", "7 days", "3 MiB".
 */
export function formatAmount(
  value: number,
  unit: { unit: string; unitOne?: string; largeUnit?: LargeUnit },
): string {
  const large = unit.largeUnit;
  if (large && value >= large.size)
    return `${formatNumber(Math.round((value / large.size) * 10) / 10)} ${large.unit}`;
  const number = formatNumber(value);
  return `${number} ${number === '1' && unit.unitOne ? unit.unitOne : unit.unit}`;
}

/** An amount someone typed or set, to the dollar: "$185,500". */
export function formatDollars(usd: number): string {
  return WHOLE_DOLLARS.format(usd);
}

/**
 * An estimated amount, rounded to what rough workload numbers justify: whole dollars below $100, two significant
 * figures above ("$1,200", "$76,000"), never cents.
 */
export function formatUsd(usd: number): string {
  if (usd < 0.5) return 'under $1';
  return WHOLE_DOLLARS.format(roundUsd(usd));
}

/** An estimated amount rounded as formatUsd shows it, for sums that must add up to what is shown. */
export function roundUsd(usd: number): number {
  return usd < 100 ? Math.round(usd) : roundToSignificant(usd, 2);
}

export function roundToSignificant(value: number, digits: number): number {
  if (value === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1);
  return Math.round(value / scale) * scale;
}

/**
 * The text cut to at most `max` UTF-16 units (Slack's limits count them), the last one an ellipsis when cut; never
 * through the middle of an emoji or another character outside the BMP, whose half would be a lone surrogate that
 * no encoding of the text can carry.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
