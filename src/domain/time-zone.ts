/**
 * Calendar days and clock times in a named (IANA) time zone, with the platform's own time-zone data (Intl),
 * so a deadline typed as a day ends when that day ends where the person who typed it lives.
 */

export const UTC = 'UTC';

/** Whether the runtime knows this IANA time zone name ("America/Los_Angeles"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The last millisecond of a calendar day (YYYY-MM-DD) in a zone: just before the next local midnight. The
 * offset is read twice because the day may end on the other side of a daylight-saving change.
 */
export function endOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const nextMidnightAsUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) + 1);
  const guess = nextMidnightAsUtc - offsetMs(new Date(nextMidnightAsUtc), timeZone);
  const midnight = nextMidnightAsUtc - offsetMs(new Date(guess), timeZone);
  return new Date(midnight - 1);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayIn(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An instant with its zone spelled out, for text no client localises: "2026-11-27 23:59 America/Los_Angeles". */
export function formatInZone(instant: Date, timeZone: string): string {
  const { hour, minute } = wallClock(instant, timeZone);
  return `${dayIn(instant, timeZone)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${timeZone}`;
}
