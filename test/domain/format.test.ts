import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/domain/format.js';
import { seededRandom } from './random-answers.js';

const INTL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

describe('formatNumber', () => {
  it('writes numbers as people read them', () => {
    expect(formatNumber(100_000)).toBe('100,000');
    expect(formatNumber(0.01)).toBe('0.01');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(1234.567)).toBe('1,234.57');
    expect(formatNumber(999.999)).toBe('1,000');
    expect(formatNumber(0.004)).toBe('0');
  });

  it('writes what Intl writes, at every magnitude, on ties and where Intl alone is asked', () => {
    const random = seededRandom(2026);
    const values: number[] = [
      0,
      -0,
      -1,
      -1234.5,
      0.005,
      0.015,
      0.125,
      0.375,
      1.005,
      2.675,
      1e15,
      1e15 - 1,
      123_456_789_012.345,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER,
    ];
    for (let index = 0; index < 20_000; index++) {
      const magnitude = 10 ** Math.floor(random() * 18 - 3);
      values.push(random() * magnitude);
      // Eighths are exact in binary: halves of a hundredth, the ties of rounding.
      values.push(Math.floor(random() * 80_000) / 8);
      values.push(Math.round(random() * 1e6) / 100);
      // Three decimals, a third of them ending in 5: ties in decimal that are not ties in binary (0.015).
      values.push(Math.round(random() * 1e7) / 1000, (Math.floor(random() * 1e6) * 10 + 5) / 1000);
    }
    for (const value of values) expect(formatNumber(value), String(value)).toBe(INTL.format(value));
  });
});
