import { describe, expect, it } from 'vitest';
import { aggregateTeam } from '../../../src/domain/team.js';
import { CATEGORIES } from '../../../src/domain/types.js';
import { checkMessageBlocks } from '../../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS } from '../../../src/slack/ids.js';
import { buildDecisionMessage, buildFinishedNote } from '../../../src/slack/views/decision-message.js';
import type { Decision } from '../../../src/store/port.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from '../../domain/fixtures.js';
import { blockById as find } from '../../support/blocks.js';

const decision: Decision = {
  teamId: 'T1',
  decisionId: 'd-1',
  channelId: 'C1',
  createdBy: 'U1',
  title: 'Event bus for the billing rewrite',
  createdAt: '2026-11-24T10:00:00.000Z',
};

describe('buildDecisionMessage', () => {
  it('before anyone finishes: title, who started it, and the button that opens the questionnaire', () => {
    const message = buildDecisionMessage({ decision, inProgress: 0 });
    expect(find(message.blocks, BLOCK_IDS.decisionHeader)?.text?.text).toBe(decision.title);
    expect(JSON.stringify(find(message.blocks, BLOCK_IDS.decisionContext))).toContain('<@U1>');
    expect(
      find<{ elements: unknown[] }>(message.blocks, BLOCK_IDS.decisionActions)?.elements[0],
    ).toMatchObject({
      action_id: ACTION_IDS.answerQuestionnaire,
      value: 'd-1',
    });
    expect(find(message.blocks, BLOCK_IDS.verdictSummary)?.text?.text).toMatch(/No verdict yet/);
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
  });

  it('with one answer set: the recommendation and a row per category with advantage, strength and reason', () => {
    const team = aggregateTeam([{ userId: 'U1', answers: WEB_APP_SHOP_ON_AWS }]);
    const message = buildDecisionMessage({ decision, team, inProgress: 1 });
    expect(find(message.blocks, BLOCK_IDS.verdictSummary)?.text?.text).toContain('Verdict: Amazon Kinesis');
    for (const category of CATEGORIES) {
      const row = find(message.blocks, BLOCK_IDS.verdictRow(category))?.text?.text ?? '';
      expect(row, category).toMatch(/: (Kafka|Kinesis|MSK) · (decisive|clear|slight)|: even/);
      expect(row.split('\n')[1], `${category} reason`).toMatch(/^_.+_$/);
      expect(row, 'no team split for one person').not.toContain('Team:');
    }
    expect(message.text).toContain('Amazon Kinesis');
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
  });

  it('says plainly when a deciding factor overrides the categories', () => {
    const team = aggregateTeam([{ userId: 'U1', answers: STREAMING_IS_THE_PRODUCT }]);
    const message = buildDecisionMessage({ decision, team, inProgress: 0 });
    expect(find(message.blocks, BLOCK_IDS.verdictSummary)?.text?.text).toContain('Self-managed Kafka');
    expect(find(message.blocks, BLOCK_IDS.verdictOverride)?.text?.text).toMatch(
      /categories favour Amazon Kinesis/,
    );
  });

  it('with several people: the split per category and the categories to argue about', () => {
    const team = aggregateTeam([
      { userId: 'U1', answers: WEB_APP_SHOP_ON_AWS },
      { userId: 'U2', answers: STREAMING_IS_THE_PRODUCT },
      { userId: 'U3', answers: AWS_SHOP_WANTING_KAFKA },
    ]);
    const message = buildDecisionMessage({ decision, team, inProgress: 0 });
    const rows = CATEGORIES.map((c) => find(message.blocks, BLOCK_IDS.verdictRow(c))?.text?.text ?? '');
    expect(rows.every((row) => /Team: \w+ \d/.test(row))).toBe(true);
    expect(find(message.blocks, BLOCK_IDS.verdictTeam)?.text?.text).toMatch(/Argue about these/);
    expect(JSON.stringify(find(message.blocks, BLOCK_IDS.verdictFooter))).toContain('3 finished answer sets');
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
  });

  it('keeps a user-typed title from pinging the channel', () => {
    const message = buildDecisionMessage({
      decision: { ...decision, title: '<!here> pick one' },
      inProgress: 0,
    });
    expect(find(message.blocks, BLOCK_IDS.decisionHeader)).toMatchObject({ type: 'header' });
    expect(JSON.stringify(message.blocks)).not.toMatch(/mrkdwn[^}]*<!here>/);
  });
});

describe('buildFinishedNote', () => {
  it('names the person, says whether they finished or changed answers, and gives the verdict now', () => {
    const team = aggregateTeam([{ userId: 'U2', answers: WEB_APP_SHOP_ON_AWS }]);
    expect(buildFinishedNote({ userId: 'U2', again: false, team }).text).toBe(
      `<@U2> finished the questionnaire. Verdict now: *Amazon Kinesis* (${team.confidence} confidence, 1 answer set).`,
    );
    expect(buildFinishedNote({ userId: 'U2', again: true, team }).text).toContain('changed their answers');
  });
});
