import { addDays, isValid, parseISO } from 'date-fns';
import { endOfDayIn, UTC } from '../../domain/time-zone.js';
import { escapeMrkdwn } from '../views/text.js';

/** What `/stream-verdict [--blind] [--by YYYY-MM-DD] [title]` asks for. */
export interface StartOptions {
  title: string;
  /** ISO 8601: the last moment of the given day in the time zone of the person who typed it. */
  decideBy?: string;
  blind: boolean;
}

export type StartOptionsResult = { ok: true; options: StartOptions } | { ok: false; problem: string };

export const START_USAGE =
  '`/stream-verdict [--by YYYY-MM-DD] [--blind] [title]`: `--by` closes the decision at the end of that day in your time zone ' +
  'with a reminder the day before; `--blind` hides individual results until it closes.';

/** Whether the command sets a deadline, so the time zone of the person who typed it is needed. */
export function setsDeadline(text: string | undefined): boolean {
  return /(^|\s)(--|[\u2013\u2014])by(\s|=|$)/i.test(text ?? '');
}

/**
 * A deadline may be at most this many days ahead: the decision is kept RETENTION_DAYS after its last change,
 * so a later deadline could find it already expired. `timeZone` is where the day typed ends.
 */
export function parseStartOptions(
  text: string | undefined,
  now: Date,
  maxDaysAhead: number,
  timeZone: string = UTC,
): StartOptionsResult {
  const words = (text ?? '').trim().split(/\s+/).filter(Boolean);
  const title: string[] = [];
  let decideBy: string | undefined;
  let blind = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    // Dashes typed in Slack often arrive as an em or en dash.
    const flag = word.replace(/^[\u2013\u2014]/, '--').toLowerCase();
    if (!flag.startsWith('--')) {
      title.push(word);
      continue;
    }
    const [name, inline] = flag.split('=', 2);
    if (name === '--blind') {
      blind = true;
    } else if (name === '--by') {
      const value = inline ?? words[++index];
      const deadline = deadlineOf(value, now, maxDaysAhead, timeZone);
      if (!deadline.ok) return deadline;
      decideBy = deadline.iso;
    } else {
      return { ok: false, problem: `I don’t know the option \`${escapeMrkdwn(word.slice(0, 40))}\`.` };
    }
  }
  return {
    ok: true,
    options: { title: title.join(' '), blind, ...(decideBy ? { decideBy } : {}) },
  };
}

function deadlineOf(
  value: string | undefined,
  now: Date,
  maxDaysAhead: number,
  timeZone: string,
): { ok: true; iso: string } | { ok: false; problem: string } {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { ok: false, problem: '`--by` needs a date like `2026-12-15` (year-month-day).' };
  }
  const day = parseISO(`${value}T00:00:00Z`);
  if (!isValid(day) || day.toISOString().slice(0, 10) !== value) {
    return { ok: false, problem: `\`${value}\` is not a date in the calendar.` };
  }
  // The last moment of the day where the person lives, so the day they typed is the day it closes.
  const end = endOfDayIn(value, timeZone);
  if (end <= now) return { ok: false, problem: `\`${value}\` has already passed; pick a later day.` };
  if (end > addDays(now, maxDaysAhead)) {
    return {
      ok: false,
      problem: `\`${value}\` is more than ${maxDaysAhead} days away, longer than answers are kept here; pick an earlier day.`,
    };
  }
  return { ok: true, iso: end.toISOString() };
}
