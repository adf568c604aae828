import { describe, expect, it } from 'vitest';
import { decisionRecord } from '../../../src/domain/decision-record.js';
import { argumentsFor } from '../../../src/domain/deliberation.js';
import { aggregateTeam } from '../../../src/domain/team.js';
import { checkMessageBlocks, checkMessageText, checkView } from '../../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.js';
import { buildDecisionMessage } from '../../../src/slack/views/decision-message.js';
import { buildRecordMessage } from '../../../src/slack/views/decision-record.js';
import { buildHomeView } from '../../../src/slack/views/home.js';
import { verdictDetailBlocks } from '../../../src/slack/views/verdict-details.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from '../../domain/fixtures.js';
import { randomAnswers, seededRandom } from '../../domain/random-answers.js';
import { blockById as find, visibleText } from '../../support/blocks.js';
import { A_DECISION } from '../../support/decision.js';

const decision = A_DECISION;

const actionIds = (blocks: unknown) =>
  (find<{ elements: { action_id: string }[] }>(blocks, BLOCK_IDS.decisionActions)?.elements ?? []).map(
    (element) => element.action_id,
  );

describe('the decision message while a team deliberates', () => {
  it('offers answering (or editing), closing and details while open, and reopening and details once closed', () => {
    expect(actionIds(buildDecisionMessage({ decision, inProgress: 0 }).blocks)).toEqual([
      ACTION_IDS.answerQuestionnaire,
      ACTION_IDS.closeDecision,
      ACTION_IDS.verdictDetails,
    ]);
    const closed = { ...decision, closed: { at: '2026-11-25T10:00:00.000Z', by: 'U1' } };
    const message = buildDecisionMessage({ decision: closed, inProgress: 0 });
    expect(actionIds(message.blocks)).toEqual([ACTION_IDS.reopenDecision, ACTION_IDS.verdictDetails]);
    expect(visibleText(message.blocks)).toContain(
      '*Closed* by <@U1> <!date^1795600800^{date_short_pretty} at {time}|25 Nov 2026, 10:00 UTC>',
    );
  });

  it('in blind mode shows how many finished and nothing of what they answered', () => {
    const message = buildDecisionMessage({
      decision: { ...decision, blind: true },
      inProgress: 2,
      answered: 3,
    });
    expect(visibleText([find(message.blocks, BLOCK_IDS.verdictBlind)])).toContain('3 people have finished');
    expect(visibleText(message.blocks)).toContain('3 answer sets · 2 in progress');
    expect(visibleText(message.blocks)).not.toMatch(/Verdict:|Team:/);
    expect(message.text).toBe('Kafka, Kinesis or MSK? Event bus for the billing rewrite: 3 answer sets');
  });

  it('shows the deadline in each reader’s time zone, and the day and zone it was set in', () => {
    const inLosAngeles = buildDecisionMessage({
      decision: {
        ...decision,
        decideBy: '2026-12-16T07:59:59.999Z',
        decideByZone: { name: 'America/Los_Angeles', fromProfile: true },
      },
      inProgress: 0,
    });
    expect(visibleText(inLosAngeles.blocks)).toContain(
      'Decide by <!date^1797407999^{date_short_pretty} at {time}|16 Dec 2026, 07:59 UTC> ' +
        '(the end of 15 Dec 2026, America/Los_Angeles)',
    );
    const unknownZone = buildDecisionMessage({
      decision: {
        ...decision,
        decideBy: '2026-12-15T23:59:59.999Z',
        decideByZone: { name: 'UTC', fromProfile: false },
      },
      inProgress: 0,
    });
    expect(visibleText(unknownZone.blocks)).toContain(
      `(the end of 15 Dec 2026, UTC, as Slack did not tell me <@${decision.createdBy}>’s time zone)`,
    );
  });

  it('puts the opposing reasons of the most divided categories side by side, two in the message, all in Details', () => {
    const people = [
      { userId: 'U1', answers: WEB_APP_SHOP_ON_AWS },
      { userId: 'U2', answers: STREAMING_IS_THE_PRODUCT },
      { userId: 'U3', answers: WEB_APP_SHOP_ON_AWS },
    ];
    const team = aggregateTeam(people);
    const opposing = argumentsFor(people, team);
    const message = buildDecisionMessage({ decision, team, inProgress: 0, arguments: opposing });
    const argue = find(message.blocks, BLOCK_IDS.verdictTeam)?.text?.text ?? '';
    expect(argue.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(
      Math.min(2, opposing.length),
    );
    expect(argue).toContain(' vs ');
    const details = verdictDetailBlocks(team, opposing);
    for (const argument of opposing) {
      const block = find<{ fields: { text: string }[] }>(details, BLOCK_IDS.verdictArgue(argument.target));
      expect(block?.fields).toHaveLength(2);
    }
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
  });

  it('marks a camp that argues for a platform the team’s answers rule out, in the message and in Details', () => {
    const people = [
      { userId: 'U1', answers: WEB_APP_SHOP_ON_AWS },
      { userId: 'U2', answers: WEB_APP_SHOP_ON_AWS },
      { userId: 'U3', answers: { ...WEB_APP_SHOP_ON_AWS, kafka_api_need: 'must', kafka_usage: ['clients'] } },
    ];
    const team = aggregateTeam(people);
    const opposing = argumentsFor(people, team);
    const message = buildDecisionMessage({ decision, team, inProgress: 0, arguments: opposing });
    const argue = find(message.blocks, BLOCK_IDS.verdictTeam)?.text?.text ?? '';
    expect(argue).toMatch(/ Kinesis \(out\): _/);
    expect(argue).not.toMatch(/MSK \(out\)/);
    const fields = verdictDetailBlocks(team, opposing).flatMap(
      (block) => (block as { fields?: { text: string }[] }).fields ?? [],
    );
    expect(
      fields.some((field) =>
        field.text.startsWith('*Amazon Kinesis* (2) · out of the running for the team\n'),
      ),
    ).toBe(true);
    expect(fields.some((field) => /^\*Amazon MSK\* \(1\)\n/.test(field.text))).toBe(true);
  });

  it('says the Kafka experience’s discount once in Details and in the record, not in every row it touches', () => {
    const veteran = answersFor({
      kafka_ops_experience: 'many_years',
      oncall_rotation: 'yes',
      kafka_api_need: 'must',
      kafka_usage: ['clients', 'connect'],
    });
    const people = [
      { userId: 'U1', answers: AWS_SHOP_WANTING_KAFKA },
      { userId: 'U2', answers: veteran },
      { userId: 'U3', answers: WEB_APP_SHOP_ON_AWS },
    ];
    const team = aggregateTeam(people);
    const details = verdictDetailBlocks(team, argumentsFor(people, team));
    const said = /less for the Kafka production experience in the team’s answers/;
    expect(visibleText([find(details, BLOCK_IDS.verdictDiscount)])).toMatch(said);
    const everywhere = visibleText(details);
    expect(everywhere.split('Kafka production experience').length - 1).toBe(1);
    const record = decisionRecord({
      title: decision.title,
      startedBy: 'U1',
      startedAt: decision.createdAt,
      takenAt: '2026-11-30T10:00:00.000Z',
      participants: people.map((person) => person.userId),
      team,
      arguments: [],
    });
    expect(record.drivers.filter((driver) => said.test(driver))).toHaveLength(1);
    expect(record.drivers.join('\n').split('Kafka production experience').length - 1).toBe(1);
  });

  it('stays within Slack’s limits for 300 people: the message, the record in the thread and the Home tab', () => {
    const random = seededRandom(7);
    const people = Array.from({ length: 300 }, (_, index) => ({
      userId: `U${String(index).padStart(5, '0')}`,
      answers: randomAnswers(random),
    }));
    const team = aggregateTeam(people);
    const opposing = argumentsFor(people, team);
    const message = buildDecisionMessage({ decision, team, inProgress: 40, arguments: opposing });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(checkMessageText(message.text)).toEqual([]);

    const record = buildRecordMessage(
      decisionRecord({
        title: decision.title,
        startedBy: 'U00000',
        startedAt: decision.createdAt,
        takenAt: '2026-11-30T10:00:00.000Z',
        closed: { at: '2026-11-30T10:00:00.000Z', by: 'U00000' },
        participants: people.map((person) => person.userId),
        team,
        arguments: opposing,
      }),
    );
    expect(checkMessageBlocks(record.blocks)).toEqual([]);
    expect(checkMessageText(record.text)).toEqual([]);
    expect(visibleText(record.blocks)).toContain('and 260 more');

    const home = buildHomeView({
      userId: 'U1',
      now: new Date('2026-11-24T10:00:00Z'),
      entries: Array.from({ length: 40 }, (_, index) => ({
        decision: { ...decision, decisionId: `d-${index}`, title: 'x'.repeat(150) },
        link: 'https://emulated.slack.com/archives/C1/p1700000000000100',
      })),
    });
    expect(checkView(home, 'home')).toEqual([]);
  });
});

describe('the decision record in the thread', () => {
  const people = [
    { userId: 'U0ALICE', answers: WEB_APP_SHOP_ON_AWS },
    { userId: 'U0BOB', answers: STREAMING_IS_THE_PRODUCT },
  ];
  const team = aggregateTeam(people);
  const base = {
    title: decision.title,
    startedBy: 'U0ALICE',
    startedAt: decision.createdAt,
    takenAt: '2026-11-30T10:00:00.000Z',
    participants: people.map((person) => person.userId),
    team,
    arguments: [],
  };
  const status = (blocks: unknown) => visibleText([find(blocks, 'record_status')]);

  it('is a proposal while the decision is open, with the date in each reader’s time zone', () => {
    const record = buildRecordMessage(decisionRecord(base));
    expect(status(record.blocks)).toBe(
      `*Status:* proposed: the decision is still open · recorded <!date^${Date.parse(base.takenAt) / 1000}^{date_short_pretty} at {time}|30 Nov 2026, 10:00 UTC>`,
    );
    expect(visibleText(record.blocks)).not.toMatch(/accepted|\bclosed\b|\(chosen\)/);
  });

  it('is accepted once closed, naming who closed it by mention, with the monthly costs adding up', () => {
    const record = buildRecordMessage(
      decisionRecord({ ...base, closed: { at: '2026-11-30T10:00:00.000Z', by: 'U0ALICE' } }),
    );
    expect(status(record.blocks)).toMatch(/^\*Status:\* accepted · closed by <@U0ALICE> <!date\^\d+\^/);
    const costs = visibleText([find(record.blocks, 'record_costs')]);
    const lines = costs.split('\n').filter((line) => line.includes(' = *'));
    expect(lines.length).toBeGreaterThan(0);
    const dollars = (text: string) => Number(text.replace(/[$,*]/g, ''));
    for (const line of lines) {
      const [, machines, people, total] =
        line.match(/(\$[\d,]+) machines \+ (\$[\d,]+) people = \*(\$[\d,]+)\*/) ?? [];
      expect(dollars(machines ?? 'x') + dollars(people ?? 'x')).toBe(dollars(total ?? 'y'));
    }
    expect(costs).toContain('_Assumptions:_');
  });

  it('keeps the facts still disputed when it closed, by mention, and says so in the status', () => {
    const split = [
      { userId: 'U0ALICE', answers: WEB_APP_SHOP_ON_AWS },
      { userId: 'U0BOB', answers: { ...WEB_APP_SHOP_ON_AWS, kafka_api_need: 'must' } },
    ];
    const closed = { at: '2026-11-30T10:00:00.000Z', by: 'U0ALICE' };
    const record = buildRecordMessage(
      decisionRecord({ ...base, participants: ['U0ALICE', 'U0BOB'], team: aggregateTeam(split), closed }),
    );
    expect(status(record.blocks)).toMatch(/ · :warning: 1 fact still disputed \(below\)$/);
    const unsettled = visibleText([find(record.blocks, BLOCK_IDS.recordUnsettled)]);
    expect(unsettled).toMatch(
      /^\*Facts not settled when it closed\*\n:warning: need for the Kafka API: <@U0BOB> .+; <@U0ALICE> .+ — it rules Amazon Kinesis out; settled the other way, the verdict would be Amazon Kinesis$/,
    );
    expect(checkMessageBlocks(record.blocks)).toEqual([]);

    const agreed = buildRecordMessage(
      decisionRecord({
        ...base,
        team: aggregateTeam(split.map((person) => ({ ...person, answers: WEB_APP_SHOP_ON_AWS }))),
        closed,
      }),
    );
    expect(find(agreed.blocks, BLOCK_IDS.recordUnsettled)).toBeUndefined();
    expect(status(agreed.blocks)).not.toContain('disputed');
  });
});
