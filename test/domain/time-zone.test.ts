import { describe, expect, it } from 'vitest';
import { dayIn, endOfDayIn, formatInZone, isTimeZone } from '../../src/domain/time-zone.js';

describe('days in a time zone', () => {
  it('ends a day at 23:59:59.999 where the person lives', () => {
    expect(endOfDayIn('2026-11-27', 'UTC').toISOString()).toBe('2026-11-27T23:59:59.999Z');
    expect(endOfDayIn('2026-11-27', 'America/Los_Angeles').toISOString()).toBe('2026-11-28T07:59:59.999Z');
    expect(endOfDayIn('2026-11-27', 'Asia/Kolkata').toISOString()).toBe('2026-11-27T18:29:59.999Z');
    expect(endOfDayIn('2026-11-27', 'Pacific/Kiritimati').toISOString()).toBe('2026-11-27T09:59:59.999Z');
  });

  it('ends a day on which the clocks change at the next local midnight, in the new offset', () => {
    // 8 March 2026: Los Angeles springs forward to UTC−7; 1 November 2026: back to UTC−8.
    expect(endOfDayIn('2026-03-08', 'America/Los_Angeles').toISOString()).toBe('2026-03-09T06:59:59.999Z');
    expect(endOfDayIn('2026-11-01', 'America/Los_Angeles').toISOString()).toBe('2026-11-02T07:59:59.999Z');
    // 29 March 2026: Berlin to UTC+2.
    expect(endOfDayIn('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T21:59:59.999Z');
  });

  it('reads back the day and the wall-clock time with the zone spelled out', () => {
    const end = endOfDayIn('2026-11-27', 'America/Los_Angeles');
    expect(dayIn(end, 'America/Los_Angeles')).toBe('2026-11-27');
    expect(dayIn(end, 'UTC')).toBe('2026-11-28');
    expect(formatInZone(end, 'America/Los_Angeles')).toBe('2026-11-27 23:59 America/Los_Angeles');
  });

  it('knows real zone names and refuses made-up ones', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('Not/AZone')).toBe(false);
  });
});
