import { describe, expect, it } from 'vitest';
import { decisionRecord, recordMarkdown } from '../../src/domain/decision-record.js';
import { argumentsFor } from '../../src/domain/deliberation.js';
import { aggregateTeam } from '../../src/domain/team.js';
import { AWS_SHOP_WANTING_KAFKA, STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS } from './fixtures.js';

const team = [
  { userId: 'U0ALICE', answers: WEB_APP_SHOP_ON_AWS },
  { userId: 'U0BOB', answers: STREAMING_IS_THE_PRODUCT },
  { userId: 'U0CAROL', answers: AWS_SHOP_WANTING_KAFKA },
  { userId: 'U0DAVE', answers: WEB_APP_SHOP_ON_AWS },
];

describe('the argument in divided categories', () => {
  it('gives the two largest camps with the reason each camp’s answers give, whatever the arrival order', () => {
    const verdict = aggregateTeam(team);
    expect(verdict.mostDivided.length).toBeGreaterThan(0);
    const opposing = argumentsFor(team, verdict.mostDivided);
    expect(opposing.map((argument) => argument.target)).toEqual(verdict.mostDivided);
    for (const argument of opposing) {
      expect(argument.camps).toHaveLength(2);
      const [larger, smaller] = argument.camps;
      expect(larger?.people).toBeGreaterThanOrEqual(smaller?.people ?? 0);
      expect(larger?.side).not.toBe(smaller?.side);
      const counts = verdict.splits.find((split) => split.target === argument.target)?.counts;
      expect(larger && counts?.[larger.side]).toBe(larger?.people);
      for (const camp of argument.camps)
        if (camp.side !== 'even') expect(camp.reason).toEqual(expect.any(String));
    }
    expect(argumentsFor([...team].reverse(), verdict.mostDivided)).toEqual(opposing);
  });

  it('has nothing to argue about when nobody is divided', () => {
    expect(argumentsFor(team, [])).toEqual([]);
  });
});

describe('the decision record', () => {
  it('is an MADR: context, drivers, options, outcome, pros and cons per option, participants, date', () => {
    const verdict = aggregateTeam(team);
    const record = decisionRecord({
      title: 'Event bus for billing',
      startedBy: 'U0ALICE',
      startedAt: '2026-11-20T10:00:00.000Z',
      date: '2026-11-24T16:30:00.000Z',
      closedBy: 'U0ALICE',
      participants: team.map((person) => person.userId),
      team: verdict,
      arguments: argumentsFor(team, verdict.mostDivided),
    });
    expect(record.status).toBe('accepted');
    expect(record.date).toBe('2026-11-24');
    expect(record.options.filter((option) => option.chosen).map((option) => option.platform)).toEqual([
      verdict.recommendation,
    ]);
    const rows = [...verdict.verdict.rows, ...verdict.verdict.decidingFactors].filter(
      (row) => row.advantage !== 'even',
    );
    for (const option of record.options) {
      expect(option.pros).toHaveLength(rows.filter((row) => row.advantage === option.platform).length);
    }
    const markdown = recordMarkdown(record, (userId) => `@${userId}`);
    const chosen = (platform: string) => (verdict.recommendation === platform ? ' (chosen)' : '');
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Event bus for billing',
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Where the team disagreed',
      '## Pros and Cons of the Options',
      `### Self-managed Kafka${chosen('kafka')}`,
      `### Amazon Kinesis${chosen('kinesis')}`,
      `### Amazon MSK${chosen('msk')}`,
      '## Participants',
    ]);
    expect(markdown).toContain('* Date: 2026-11-24');
    expect(markdown).toContain('* Deciders: @U0ALICE, @U0BOB, @U0CAROL, @U0DAVE');
  });

  it('says plainly when nothing was decided', () => {
    const record = decisionRecord({
      title: 'Nobody answered',
      startedBy: 'U0ALICE',
      startedAt: '2026-11-20T10:00:00.000Z',
      date: '2026-11-24T16:30:00.000Z',
      participants: [],
      arguments: [],
    });
    expect(record.status).toBe('undecided');
    expect(recordMarkdown(record, (id) => id)).toContain('closed at its deadline.');
  });
});
