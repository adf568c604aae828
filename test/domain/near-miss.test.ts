import { describe, expect, it } from 'vitest';
import { editDistance, nearMiss } from '../../src/domain/near-miss.js';

const NAMES = ['help', 'forget me', 'export'];

describe('nearMiss', () => {
  it.each([
    ['exprot', 'export'],
    ['Exporr', 'export'],
    ['expor', 'export'],
    ['hlep', 'help'],
    ['helpp', 'help'],
    ['forgot me', 'forget me'],
    ['forgetme', 'forget me'],
    ['exprot the billing decision', 'export'],
    ['exports', 'export'],
    ['xeport', 'export'],
  ])('takes “%s” for a typo of “%s”', (text, name) => {
    expect(nearMiss(text, NAMES)).toBe(name);
  });

  it.each([
    'export',
    'Export pipeline rewrite',
    'forget me nots',
    'help me choose',
    'Event bus for billing',
    'expat payroll',
    'forget',
    '',
  ])('leaves “%s” alone', (text) => {
    expect(nearMiss(text, NAMES)).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit, and the usual edits', () => {
    expect(editDistance('exprot', 'export')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
