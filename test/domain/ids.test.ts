import { describe, expect, it } from 'vitest';
import { decisionIdSchema, newDecisionId, slackIdSchema } from '../../src/domain/ids.js';
import { dirtyRefOf, dueItemOf } from '../../src/store/keys.js';

describe('id formats', () => {
  it('make decision ids that are read back, and different each time', () => {
    // Past the 512 ids one draw of random bytes makes, twice over.
    const ids = Array.from({ length: 1_100 }, newDecisionId);
    expect(ids.every((id) => /^[\w-]{12}$/.test(id) && decisionIdSchema.safeParse(id).success)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuse what could break out of a key or a glob', () => {
    expect(
      ['a:b', 'a*', '', 'x'.repeat(65), 'a}b'].filter((id) => decisionIdSchema.safeParse(id).success),
    ).toEqual([]);
    expect(
      ['T1', 't01', 'T0:1', 'T', 'T*', 'T'.repeat(33)].filter((id) => slackIdSchema.safeParse(id).success),
    ).toEqual(['T1']);
  });

  it('are the ones the store reads back from its lists', () => {
    const decisionId = newDecisionId();
    expect(dirtyRefOf(`T01:${decisionId}`)).toEqual({ teamId: 'T01', decisionId });
    expect(dueItemOf(`close:T01:${decisionId}`)).toEqual({ kind: 'close', teamId: 'T01', decisionId });
    expect([
      dirtyRefOf('t01:d'),
      dueItemOf('open:T01:d'),
      dueItemOf('remind:T01:d:e'),
      dueItemOf('remindT01'),
    ]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
