import { describe, expect, it } from 'vitest';
import { decisionRecord, recordMarkdown } from '../../src/domain/decision-record.js';
import { argumentsFor } from '../../src/domain/deliberation.js';
import { FIGURE_TYPICAL, FIGURE_UNKNOWN } from '../../src/domain/figures.js';
import { aggregateTeam } from '../../src/domain/team.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  respondents,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from './fixtures.js';
import { randomAnswers, seededRandom } from './random-answers.js';

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
    const opposing = argumentsFor(team, verdict);
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
    expect(argumentsFor([...team].reverse(), verdict)).toEqual(opposing);
  });

  it('marks a camp’s reason that rests on a fact the team answered differently, and only then', () => {
    const veteran = answersFor({
      company_size: 'eng_251_plus',
      kafka_ops_experience: 'many_years',
      oncall_rotation: 'yes',
      platform_team: 'dedicated_team',
      ops_skills: 'deep',
      monitoring_maturity: 'strong',
    });
    const never = answersFor({ kafka_ops_experience: 'never', oncall_rotation: 'no', platform_team: 'none' });
    const campOf = (people: typeof team) => {
      const verdict = aggregateTeam(people);
      return argumentsFor(people, verdict)
        .flatMap((argument) => argument.camps)
        .find((camp) => camp.side === 'kinesis');
    };
    const sets = respondents(veteran, veteran, never);
    // Two say years of running Kafka: "nobody on the team has" is one person's answer, not the team's.
    expect(campOf(sets)?.reason).toBe('nobody on the team has run Kafka in production (disputed)');
    // A judgement (how much downtime costs) differs too, but it is theirs to hold: no mark.
    const cautious = { ...never, kafka_ops_experience: 'many_years', downtime_cost: 'lost_revenue' };
    const agreed = respondents(veteran, veteran, cautious);
    expect(campOf(agreed)?.reason).toBe('an hour down loses revenue');
  });

  it('marks the machine bill’s reason disputed while the team gives different workload numbers', () => {
    const writing = (avg: number, peak: number, groups: number) =>
      answersFor({ avg_write_mbps: avg, peak_write_mbps: peak, consumer_groups: groups });
    const machineReasons = (people: typeof team) =>
      argumentsFor(people, aggregateTeam(people))
        .flatMap((argument) => argument.camps)
        .flatMap((camp) => (camp.reason?.startsWith('the machines on') ? [camp.reason] : []));
    const apart = respondents(writing(5, 10, 2), writing(50, 100, 2), writing(200, 300, 12));
    const reasons = machineReasons(apart);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/ \(disputed\)$/);
  });

  it('gives two camps two reasons: what puts each side ahead, not a reason both sides share', () => {
    // "The team avoids deep server tuning" leans Kinesis and MSK alike: quoted by both camps, it argued nothing.
    const people = respondents(
      ...['must', 'no', 'nice', 'no'].map((need) =>
        answersFor({ kafka_api_need: need, kafka_usage: need === 'no' ? ['none'] : ['clients'] }),
      ),
    );
    const argued = argumentsFor(people, aggregateTeam(people));
    expect(argued.length).toBeGreaterThan(0);
    for (const { target, camps } of argued) {
      const [first, second] = camps;
      if (first?.reason && second?.reason) expect(second.reason, target).not.toBe(first.reason);
    }
  });

  it('says which camps argue for a platform the team’s answers rule out, and no others', () => {
    // Two web shops lean Kinesis; the third must speak Kafka, which rules Kinesis out for the team.
    const mustSpeakKafka = { ...WEB_APP_SHOP_ON_AWS, kafka_api_need: 'must', kafka_usage: ['clients'] };
    const people = respondents(WEB_APP_SHOP_ON_AWS, WEB_APP_SHOP_ON_AWS, mustSpeakKafka);
    const verdict = aggregateTeam(people);
    expect(verdict.verdict.excluded.map((exclusion) => exclusion.platform)).toEqual(['kinesis']);
    const camps = argumentsFor(people, verdict).flatMap((argument) => argument.camps);
    expect(camps.filter((camp) => camp.side === 'kinesis').length).toBeGreaterThan(0);
    for (const camp of camps) expect(camp.out === true, camp.side).toBe(camp.side === 'kinesis');
    const record = decisionRecord({
      title: 'Event bus',
      startedBy: 'U0ALICE',
      startedAt: '2026-11-20T10:00:00.000Z',
      takenAt: '2026-11-24T16:30:00.000Z',
      participants: people.map((person) => person.userId),
      team: verdict,
      arguments: argumentsFor(people, verdict),
    });
    expect(record.disagreements.join('\n')).toMatch(/Amazon Kinesis \(2, out of the running\) because /);
    expect(record.disagreements.join('\n')).not.toMatch(/Amazon MSK \(\d+, out/);

    // Nobody rules anything out: no camp is marked.
    const open = respondents(WEB_APP_SHOP_ON_AWS, WEB_APP_SHOP_ON_AWS, {
      ...mustSpeakKafka,
      kafka_api_need: 'nice',
    });
    const openVerdict = aggregateTeam(open);
    expect(openVerdict.verdict.excluded).toEqual([]);
    expect(
      argumentsFor(open, openVerdict)
        .flatMap((argument) => argument.camps)
        .some((camp) => camp.out),
    ).toBe(false);
  });

  it('shows a camp for a platform before “no real difference” when the two are as large', () => {
    const random = seededRandom(5);
    let ties = 0;
    for (let run = 0; run < 200; run++) {
      const people = respondents(...Array.from({ length: 3 }, () => randomAnswers(random)));
      const verdict = aggregateTeam(people);
      for (const { target, camps } of argumentsFor(people, verdict)) {
        const counts = verdict.splits.find((split) => split.target === target)?.counts;
        const even = camps.find((camp) => camp.side === 'even');
        // A platform camp shown where "no real difference" was as large: the tie this test is about.
        if (counts && !even && counts.even > 0 && counts.even === camps.at(-1)?.people) ties++;
        if (!counts || !even) continue;
        const shown = new Set(camps.map((camp) => camp.side));
        for (const platform of ['kafka', 'kinesis', 'msk'] as const) {
          if (shown.has(platform)) continue;
          expect(counts[platform], `${target}: ${platform} left out for even`).toBeLessThan(even.people);
        }
      }
    }
    expect(ties).toBeGreaterThan(0);
  });

  it('has nothing to argue about when nobody is divided', () => {
    expect(argumentsFor(team, { ...aggregateTeam(team), mostDivided: [] })).toEqual([]);
  });
});

describe('the decision record', () => {
  const verdict = aggregateTeam(team);
  const base = {
    title: 'Event bus for billing',
    startedBy: 'U0ALICE',
    startedAt: '2026-11-20T10:00:00.000Z',
    takenAt: '2026-11-24T16:30:00.000Z',
    participants: team.map((person) => person.userId),
    team: verdict,
    arguments: argumentsFor(team, verdict),
  };
  const closedByAlice = decisionRecord({
    ...base,
    closed: { at: '2026-11-24T16:30:00.000Z', by: 'U0ALICE' },
  });
  const NAMES: Record<string, string> = {
    U0ALICE: 'Alice Liddell',
    U0BOB: 'Bob Builder',
    U0CAROL: 'Carol Danvers',
    U0DAVE: 'Dave Grohl',
  };
  const byName = (userId: string) => NAMES[userId] ?? userId;

  it('is an MADR: context, drivers, options, outcome, cost, pros and cons per option, participants, date', () => {
    expect(closedByAlice.options.filter((option) => option.chosen).map((option) => option.platform)).toEqual([
      verdict.recommendation,
    ]);
    const markdown = recordMarkdown(closedByAlice, byName);
    const chosen = (platform: string) => (verdict.recommendation === platform ? ' (chosen)' : '');
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Event bus for billing',
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Facts not settled when it closed',
      '### Monthly cost',
      '### Where the team disagreed',
      '## Pros and Cons of the Options',
      `### Self-managed Kafka${chosen('kafka')}`,
      `### Amazon Kinesis${chosen('kinesis')}`,
      `### Amazon MSK${chosen('msk')}`,
      '## Participants',
    ]);
  });

  it('says proposed while the decision is open, never accepted or closed', () => {
    const open = decisionRecord(base);
    expect(open.status).toBe('proposed');
    const markdown = recordMarkdown(open, byName);
    expect(markdown).toContain(
      '* Status: proposed (the decision is still open; recorded 2026-11-24 16:30 UTC)',
    );
    expect(markdown).not.toMatch(/accepted|\bclosed\b|\(chosen\)|Chosen option/i);
    expect(markdown).toMatch(/### .+ \(proposed\)/);
    expect(markdown).toContain('Proposed option, while the decision is open');
  });

  it('says accepted once closed, with who closed it and when, in an explicit time zone', () => {
    expect(closedByAlice.status).toBe('accepted');
    const markdown = recordMarkdown(closedByAlice, byName);
    expect(markdown).toContain('* Status: accepted, closed by Alice Liddell on 2026-11-24 16:30 UTC');
    expect(markdown).toContain('* Date: 2026-11-24 16:30 UTC');
    expect(markdown).toContain('closed by Alice Liddell.');
    const atDeadline = decisionRecord({ ...base, closed: { at: '2026-11-28T07:59:59.999Z' } });
    expect(recordMarkdown(atDeadline, byName)).toContain(
      '* Status: accepted, closed at its deadline on 2026-11-28 07:59 UTC',
    );
  });

  it('keeps the facts still disputed when it closed: who gave which answer and what settling would change', () => {
    const people = [
      { userId: 'U0ALICE', answers: { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: 2, peak_write_mbps: 4 } },
      {
        userId: 'U0BOB',
        answers: { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: 2, peak_write_mbps: 4, kafka_api_need: 'must' },
      },
      { userId: 'U0CAROL', answers: { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: 2, peak_write_mbps: 4 } },
    ];
    const split = aggregateTeam(people);
    const input = { ...base, participants: ['U0ALICE', 'U0BOB', 'U0CAROL'], team: split, arguments: [] };
    const closed = decisionRecord({ ...input, closed: { at: '2026-11-24T16:30:00.000Z', by: 'U0ALICE' } });
    const markdown = recordMarkdown(closed, byName);
    expect(markdown).toContain(
      '* Status: accepted, closed by Alice Liddell on 2026-11-24 16:30 UTC; 1 fact was still disputed (see Decision Outcome)',
    );
    const section = markdown.split('### Facts not settled when it closed\n\n')[1]?.split('\n\n')[0] ?? '';
    expect(section).toMatch(
      /^\* need for the Kafka API: Bob Builder .+; Alice Liddell, Carol Danvers .+ — it rules Amazon Kinesis out; settled the other way, the verdict would be Amazon Kinesis$/,
    );
    // While open, the same facts are still to settle.
    expect(recordMarkdown(decisionRecord(input), byName)).toContain(
      '### Facts to settle\n\n* need for the Kafka API: Bob Builder',
    );

    // A team that agreed on every fact has nothing of the kind.
    const agreed = aggregateTeam(people.map((person) => ({ ...person, answers: WEB_APP_SHOP_ON_AWS })));
    const calm = recordMarkdown(
      decisionRecord({ ...input, team: agreed, closed: { at: '2026-11-24T16:30:00.000Z', by: 'U0ALICE' } }),
      byName,
    );
    expect(calm).not.toMatch(/still disputed|Facts not settled|Facts to settle/);
  });

  it('says once in the cost section why the options a hard limit rules out are out', () => {
    const people = respondents(WEB_APP_SHOP_ON_AWS, { ...WEB_APP_SHOP_ON_AWS, kafka_api_need: 'must' });
    const markdown = recordMarkdown(
      decisionRecord({
        ...base,
        participants: people.map((person) => person.userId),
        team: aggregateTeam(people),
      }),
      byName,
    );
    const cost = markdown.split('### Monthly cost')[1]?.split('### ')[0] ?? '';
    expect(cost).toContain(
      '* Kinesis, provisioned shards · Kinesis, on-demand · Kinesis, On-demand Advantage are out: for 1 of 2 people, the stream must speak the Kafka API, which Kinesis does not',
    );
    expect(cost.split('the stream must speak the Kafka API').length - 1).toBe(1);
  });

  it('says under the cost which workload figures nobody gave, and who agreed to a typical one or did not know', () => {
    const unsure = [
      { userId: 'U0ALICE', answers: { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: FIGURE_TYPICAL } },
      { userId: 'U0BOB', answers: { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: FIGURE_UNKNOWN } },
    ];
    const priced = recordMarkdown(decisionRecord({ ...base, team: aggregateTeam(unsure) }), byName);
    expect(priced).toContain('| Option | Design |');
    expect(priced).toContain(
      '* average writes: nobody knew, so it is priced at a typical 1 MB/s (agreed by Alice Liddell)',
    );
    const unknown = unsure.map((person) => ({
      ...person,
      answers: { ...person.answers, retention_days: FIGURE_UNKNOWN },
    }));
    const unpriced = recordMarkdown(decisionRecord({ ...base, team: aggregateTeam(unknown) }), byName);
    expect(unpriced).toContain('No estimate: a workload figure nobody knew cannot be priced (below).');
    expect(unpriced).toContain(
      "* days kept: nobody knew (Alice Liddell, Bob Builder said “Don't know”), so the cost cannot be priced until someone gives it",
    );
  });

  it('names people in the file by their display names, not their ids', () => {
    const markdown = recordMarkdown(closedByAlice, byName);
    expect(markdown).toContain('* Deciders: Alice Liddell, Bob Builder, Carol Danvers, Dave Grohl');
    expect(markdown).not.toMatch(/U0[A-Z]+/);
  });

  it('gives every option pros or cons drawn from the rows: a lead is a pro, a clear lead elsewhere a con', () => {
    const scenarios = [
      team,
      [{ userId: 'U0ALICE', answers: WEB_APP_SHOP_ON_AWS }],
      [{ userId: 'U0BOB', answers: STREAMING_IS_THE_PRODUCT }],
      [{ userId: 'U0CAROL', answers: AWS_SHOP_WANTING_KAFKA }],
    ];
    for (const people of scenarios) {
      const teamVerdict = aggregateTeam(people);
      const record = decisionRecord({ ...base, team: teamVerdict, arguments: [] });
      const rows = [...teamVerdict.verdict.rows, ...teamVerdict.verdict.decidingFactors];
      for (const option of record.options) {
        expect(option.pros.length + option.cons.length, option.label).toBeGreaterThan(0);
        for (const row of rows) {
          const said = (items: string[]) => items.some((item) => item.includes(row.reason));
          if (row.advantage === option.platform) expect(said(option.pros), row.target).toBe(true);
          else if (row.advantage !== 'even' && (row.strength === 'decisive' || row.strength === 'clear'))
            expect(said(option.cons), row.target).toBe(true);
        }
        for (const out of teamVerdict.verdict.excluded.filter((out) => out.platform === option.platform))
          expect(option.cons).toContain(`Out of the running: ${out.reason}`);
      }
    }
    const markdown = recordMarkdown(closedByAlice, byName);
    expect(markdown).toMatch(/### Amazon MSK[^#]*\* Good, because/);
  });

  it('carries the monthly costs, adding up as shown, and the assumptions behind them', () => {
    const costs = closedByAlice.costs;
    expect(costs?.lines.length).toBeGreaterThan(0);
    for (const line of costs?.lines ?? []) {
      expect(line.machinesUsd + line.peopleUsd).toBe(line.totalUsd);
    }
    expect(costs?.assumptions).toEqual(verdict.verdict.cost?.assumptions);
    const markdown = recordMarkdown(closedByAlice, byName);
    const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));
    const tableRows = markdown.split('\n').filter((line) => /^\| (Kinesis|MSK|Self-managed)/.test(line));
    expect(tableRows).toHaveLength(costs?.lines.length ?? -1);
    for (const row of tableRows) {
      const [machines, people, total] = row
        .split('|')
        .slice(3, 6)
        .map((cell) => dollars(cell.trim()));
      expect((machines ?? 0) + (people ?? 0)).toBe(total);
    }
    for (const assumption of costs?.assumptions ?? []) expect(markdown).toContain(`* ${assumption}`);
  });

  it('says plainly when nothing was decided', () => {
    const record = decisionRecord({
      title: 'Nobody answered',
      startedBy: 'U0ALICE',
      startedAt: '2026-11-20T10:00:00.000Z',
      takenAt: '2026-11-24T16:30:00.000Z',
      closed: { at: '2026-11-24T16:30:00.000Z' },
      participants: [],
      arguments: [],
    });
    expect(record.status).toBe('undecided');
    const markdown = recordMarkdown(record, (id) => id);
    expect(markdown).toContain('closed at its deadline.');
    expect(markdown).toContain('No estimate: nobody has answered the workload numbers yet.');
  });
});
