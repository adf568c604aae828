import { describe, expect, it } from 'vitest';
import { COST_OPTION_LABELS } from '../../../src/domain/cost.js';
import { decisionRecord, recordMarkdown } from '../../../src/domain/decision-record.js';
import { argumentsFor } from '../../../src/domain/deliberation.js';
import { FIGURE_TYPICAL, FIGURE_UNKNOWN } from '../../../src/domain/figures.js';
import { formatUsd } from '../../../src/domain/format.js';
import { ALL_QUESTIONS, type Answers, scoreAnswers } from '../../../src/domain/index.js';
import { isUnsure } from '../../../src/domain/person.js';
import { PLATFORM_LABELS } from '../../../src/domain/platform.js';
import { aggregateTeam, type TeamVerdict } from '../../../src/domain/team.js';
import {
  CATEGORIES,
  type CategoryResult,
  DECIDING_FACTORS,
  type DecidingFactor,
  PLATFORMS,
  TARGET_LABELS,
} from '../../../src/domain/types.js';
import { checkMessageBlocks, checkMessageText, checkView } from '../../../src/emulator/index.js';
import { ACTION_IDS, BLOCK_IDS, VERDICT_BLOCK_IDS } from '../../../src/slack/ids.js';
import { buildDecisionMessage } from '../../../src/slack/views/decision-message.js';
import { buildRecordMessage } from '../../../src/slack/views/decision-record.js';
import { buildFinishedNote, buildOwnVerdictText } from '../../../src/slack/views/own-verdict.js';
import { buildNoticeModal } from '../../../src/slack/views/questionnaire-modal.js';
import { buildVerdictDetailsModal, verdictDetailBlocks } from '../../../src/slack/views/verdict-details.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  DEPLOYS_ANYWHERE,
  NEUTRAL_ANSWERS,
  SELLS_STREAMING,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from '../../domain/fixtures.js';
import { randomAnswers, seededRandom } from '../../domain/random-answers.js';
import { blockById as find, visibleText } from '../../support/blocks.js';
import { A_DECISION } from '../../support/decision.js';

const decision = A_DECISION;

describe('buildDecisionMessage', () => {
  it('dates the decision in each reader’s time zone, with a UTC fallback whatever the server’s own zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const late = buildDecisionMessage({
        decision: { ...decision, createdAt: '2026-11-24T20:00:00.000Z' },
        inProgress: 0,
      });
      expect(JSON.stringify(find(late.blocks, BLOCK_IDS.decisionContext))).toContain(
        `<!date^${Date.parse('2026-11-24T20:00:00.000Z') / 1000}^{date_short_pretty} at {time}|24 Nov 2026, 20:00 UTC>`,
      );
    } finally {
      process.env.TZ = zone;
    }
  });

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

  it('with one answer set: the verdict and its reason in the message, a row per category in Details', () => {
    const team = aggregateTeam([{ userId: 'U1', answers: WEB_APP_SHOP_ON_AWS }]);
    const message = buildDecisionMessage({ decision, team, inProgress: 1 });
    const summary = find(message.blocks, BLOCK_IDS.verdictSummary)?.text?.text ?? '';
    expect(summary).toContain('Verdict: Amazon Kinesis');
    expect(summary).toContain(
      'Amazon Kinesis costs about $1,400 a month against Amazon MSK’s $3,100 and self-managed Kafka’s $19,000.',
    );
    expect(find(message.blocks, BLOCK_IDS.verdictRow('setup'))).toBeUndefined();
    const details = verdictDetailBlocks(team, []);
    for (const category of CATEGORIES) {
      const row = find(details, BLOCK_IDS.verdictRow(category))?.text?.text ?? '';
      expect(row, category).toMatch(/: (Kafka|Kinesis|MSK) · (decisive|clear|slight) lead|: even/);
      expect(row.split('\n')[1], `${category} reason`).toMatch(/^_.+_$/);
      expect(row.split('\n')[2], `${category} answers`).toMatch(/^From: /);
      expect(row, 'no team split for one person').not.toContain('Team:');
    }
    expect(message.text).toContain('Amazon Kinesis');
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
  });

  it('says plainly when a deciding factor overrides the categories', () => {
    const team = aggregateTeam([{ userId: 'U1', answers: STREAMING_IS_THE_PRODUCT }]);
    const message = buildDecisionMessage({ decision, team, inProgress: 0 });
    expect(find(message.blocks, BLOCK_IDS.verdictSummary)?.text?.text).toMatch(
      /Self-managed Kafka[\s\S]*categories favour Amazon Kinesis/,
    );
    expect(find(verdictDetailBlocks(team, []), BLOCK_IDS.verdictOverride)?.text?.text).toMatch(
      /categories favour Amazon Kinesis/,
    );
  });

  it('when the hard limits leave one option: names every platform out, and no row claims a lead over nobody', () => {
    const team = aggregateTeam([{ userId: 'U1', answers: answersFor({ where_you_run: 'not_aws' }) }]);
    const summary = find(
      buildDecisionMessage({ decision, team, inProgress: 0 }).blocks,
      BLOCK_IDS.verdictSummary,
    )?.text?.text;
    expect(summary).toContain(
      'Amazon Kinesis and Amazon MSK are out: you do not run on AWS, and Kinesis and MSK exist only on AWS.',
    );
    const details = verdictDetailBlocks(team, []);
    // Every category is named once, in one block that says the limit's sentence once, not five times.
    const text = visibleText(details);
    expect(text).toContain(
      `*${CATEGORIES.map((category) => TARGET_LABELS[category]).join(' · ')}*: Kafka · the only option left\n`,
    );
    expect(text.split('you do not run on AWS, and Kinesis and MSK exist only on AWS').length - 1).toBe(3);
    expect(text).toContain('~Amazon Kinesis~ and ~Amazon MSK~ are out: you do not run on AWS');
    expect(text).toMatch(
      /• ~Kinesis, provisioned shards~ · ~Kinesis, on-demand~ · .*~MSK Serverless~ out: you do not/,
    );
    const record = decisionRecord({
      title: decision.title,
      startedBy: 'U1',
      startedAt: decision.createdAt,
      takenAt: decision.createdAt,
      participants: ['U1'],
      team,
      arguments: [],
    });
    expect(record.drivers).toEqual([
      'Amazon Kinesis and Amazon MSK are out: you do not run on AWS, and Kinesis and MSK exist only on AWS',
    ]);
    expect(record.options.find((option) => option.platform === 'kinesis')?.cons).toEqual([
      'Out of the running: you do not run on AWS, and Kinesis and MSK exist only on AWS',
    ]);
  });

  it('with several people: the split per category and the categories to argue about', () => {
    const team = aggregateTeam([
      { userId: 'U1', answers: WEB_APP_SHOP_ON_AWS },
      { userId: 'U2', answers: STREAMING_IS_THE_PRODUCT },
      { userId: 'U3', answers: AWS_SHOP_WANTING_KAFKA },
    ]);
    const message = buildDecisionMessage({ decision, team, inProgress: 0 });
    const details = verdictDetailBlocks(team, []);
    const rows = CATEGORIES.map((c) => find(details, BLOCK_IDS.verdictRow(c))?.text?.text ?? '');
    expect(rows.every((row) => /Person by person: \w+ \d/.test(row))).toBe(true);
    // Said once, before the rows: a row's lead weighs everyone together, the count is person by person.
    const note = visibleText(details.filter((block) => block.block_id === BLOCK_IDS.verdictRowsNote));
    expect(note).toContain('Each row weighs everyone’s answers together');
    expect(details.findIndex((block) => block.block_id === BLOCK_IDS.verdictRowsNote)).toBeLessThan(
      details.findIndex((block) => block.block_id === BLOCK_IDS.verdictRow('performance')),
    );
    expect(find(message.blocks, VERDICT_BLOCK_IDS.picks)?.text?.text).toBe(
      '*Who picks what:* Kafka (1): <@U2> · Kinesis (1): <@U1> · MSK (1): <@U3>',
    );
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

describe('a deciding factor in a team verdict', () => {
  /** What the team reads of one deciding factor: its row in Details, the channel message, the record and the file. */
  const readings = (people: Answers[], factor: DecidingFactor) => {
    const participants = people.map((_, index) => `U${index}`);
    const team = aggregateTeam(people.map((answers, index) => ({ userId: `U${index}`, answers })));
    const modal = buildVerdictDetailsModal({ title: decision.title, team, arguments: [] });
    const record = decisionRecord({
      title: decision.title,
      startedBy: 'U0',
      startedAt: decision.createdAt,
      takenAt: decision.createdAt,
      participants,
      team,
      arguments: [],
    });
    return {
      row: visibleText([find(modal.blocks, BLOCK_IDS.verdictRow(factor))]),
      message: visibleText(buildDecisionMessage({ decision, team, inProgress: 0 }).blocks),
      thread: visibleText(buildRecordMessage(record).blocks),
      file: recordMarkdown(record, (id) => id),
    };
  };

  it.each([
    ['streaming_product', SELLS_STREAMING, 'Streaming is the product', 'streaming being what you sell'],
    ['versatile_deployment', DEPLOYS_ANYWHERE, 'Deploy anywhere', 'having to deploy anywhere'],
  ] as const)(
    '%s held by 1 of 3 reads as one person’s, nowhere as a clear lead',
    (factor, holder, label, claim) => {
      const { row, message, thread, file } = readings([holder, NEUTRAL_ANSWERS, NEUTRAL_ANSWERS], factor);
      expect(row.split('\n').slice(0, 2)).toEqual([
        `*${label}*: Kafka · slight lead`,
        `_1 of 3 people’s answers point strongly to ${claim}; it decides only when most do_`,
      ]);
      // The channel gives the managed service's verdict, with no word of the factor as a reason.
      expect(message).toMatch(/^\*Verdict: Amazon (Kinesis|MSK)\*/m);
      expect(message.toLowerCase()).not.toContain(label.toLowerCase());
      expect(message).not.toMatch(/(clear|decisive) lead/);
      for (const text of [thread, file]) {
        expect(text).toContain(
          `${label} (a slight lead): 1 of 3 people’s answers point strongly to ${claim}; it decides only when most do`,
        );
        // Neither a decision driver nor a point against the managed services.
        expect(text).not.toMatch(new RegExp(`${label}: (Self-managed Kafka has|1 of 3)`));
      }
    },
  );

  it.each([
    ['streaming_product', SELLS_STREAMING, 'Streaming is the product', 'streaming being what you sell'],
    ['versatile_deployment', DEPLOYS_ANYWHERE, 'Deploy anywhere', 'having to deploy anywhere'],
  ] as const)('%s held by 2 of 3 overrides, and says so', (factor, holder, label, claim) => {
    const { row, message, file } = readings([holder, holder, NEUTRAL_ANSWERS], factor);
    expect(row).toMatch(
      new RegExp(
        `^\\*${label}\\*: Kafka · (clear|decisive) lead\n_2 of 3 people’s answers point strongly to ${claim}_\n`,
      ),
    );
    expect(message).toContain(
      `The categories favour Amazon Kinesis; your deciding factor (${label.toLowerCase()}) favours self-managed Kafka.`,
    );
    expect(file).toContain(`* ${label}: 2 of 3 people’s answers point strongly to ${claim}\n`);
  });
});

describe('the verdict’s cost and flip', () => {
  const team = aggregateTeam([{ userId: 'U1', answers: WEB_APP_SHOP_ON_AWS }]);
  const message = buildDecisionMessage({ decision, team, inProgress: 0 });
  const details = { blocks: verdictDetailBlocks(team, []) };

  it('names the answers behind each row', () => {
    expect(find(details.blocks, BLOCK_IDS.verdictRow('ops_people'))?.text?.text).toContain(
      'From: engineers free for the stream = none; company size = 1 to 10; on-call today = none; what holds for most teams: AWS runs Kinesis, so nobody on your team is paged for it',
    );
    expect(find(details.blocks, BLOCK_IDS.verdictRow('ops_machines'))?.text?.text).toContain(
      'From: the machine cost estimate',
    );
  });

  it('says what would flip it', () => {
    expect(find(message.blocks, VERDICT_BLOCK_IDS.flip)?.text?.text).toBe(
      '*What would flip it:* nothing the team could change or find out, in one or two answers, would change this verdict.',
    );
    const firm = buildDecisionMessage({
      decision,
      team: aggregateTeam([{ userId: 'U1', answers: STREAMING_IS_THE_PRODUCT }]),
      inProgress: 0,
    });
    expect(find(firm.blocks, VERDICT_BLOCK_IDS.flip)?.text?.text).toBe(
      '*What would flip it:* nothing the team could change or find out, in one or two answers, would change this verdict.',
    );
  });

  it('shows the top options’ monthly totals in the message, each named by its option, with its design, rounded as the cost sentence rounds it', () => {
    expect(find(message.blocks, VERDICT_BLOCK_IDS.cost)?.text?.text).toBe(
      '*A month, machines and people:* *Kinesis $1,400* (8 shards, 2 readers polling) · MSK Serverless $3,100 (8 partitions) · Kafka $19,000 (3 × m7g.large + 3 KRaft controllers, tiered storage in S3 after 12 h)',
    );
  });

  it('shows the monthly cost per option in Details, machines and people apart, with the date of the prices', () => {
    const table = find(details.blocks, VERDICT_BLOCK_IDS.cost)?.text?.text ?? '';
    expect(table).toContain('*Monthly cost estimate* (machines at list prices as of 1 Dec 2026, US East');
    // Each part to the dollar, and the total their sum: the $1,375 the channel's "about $1,400" is read from.
    expect(table).toContain(
      '• Kinesis, provisioned shards (8 shards, 2 readers polling): machines $208 + people $1,167 (0.07 engineers) = *$1,375 a month*; setup about 1 engineer-week ← the verdict',
    );
    expect(table).toContain(
      '• Self-managed Kafka on EC2 (3 × m7g.large + 3 KRaft controllers, tiered storage in S3 after 12 h): machines $684 + people $18,667 (1.12 engineers) = *$19,351 a month*; setup about 15 engineer-weeks',
    );
    expect(table).not.toMatch(/\$\d[\d,]*\.\d/);
    // The engineers shown are what the people figure prices, at $200,000 a year: 0.36 of one is $6,000, not 0.4.
    const people = [...table.matchAll(/people \$([\d,]+) \(([\d.]+) engineers?\)/g)];
    expect(people.length).toBeGreaterThan(3);
    for (const [, usd, fte] of people) {
      expect(Math.abs(Number(usd?.replace(/,/g, '')) - (Number(fte) * 200_000) / 12)).toBeLessThan(1);
    }
    // Only the design the verdict rests on is marked, not every option of its platform.
    expect(table.match(/← the verdict/g)).toHaveLength(1);
    const notes = visibleText([find(details.blocks, VERDICT_BLOCK_IDS.costNotes)]);
    expect(notes).toContain('2 MB/s written on average, 8 MB/s at the peak');
    expect(notes).toContain('People at $200,000 a year per engineer');
    expect(notes).toContain('Readers fetch from a replica in their own zone (fetch-from-follower');
    expect(notes).toContain('Low-confidence prices: MSK Express storage');
  });

  it('strikes out what cannot serve the workload, and says why', () => {
    const big = verdictDetailBlocks(
      aggregateTeam([{ userId: 'U1', answers: answersFor({ avg_write_mbps: 250, peak_write_mbps: 300 }) }]),
      [],
    );
    expect(find(big, VERDICT_BLOCK_IDS.cost)?.text?.text).toContain(
      '• ~MSK Serverless~ out: peak writes of 300 MB/s are over its 200 MB/s cap',
    );
  });

  it('gives the person their own verdict, flip and cheapest option in the modal', () => {
    const text = buildOwnVerdictText(scoreAnswers(WEB_APP_SHOP_ON_AWS), 'C1');
    expect(text).toContain('*Your answers point to Amazon Kinesis* (high confidence).');
    expect(text).toContain(
      '*What would flip it:* nothing the team could change or find out, in one or two answers, would change this verdict.',
    );
    // The cost sentence gives the total; the bill line itemises it without saying $1,400 twice.
    expect(text).toContain('Amazon Kinesis costs about $1,400 a month');
    expect(text).toContain(
      '*Its bill, by the estimate:* Kinesis, provisioned shards (8 shards, 2 readers polling), the cheapest option: $208 machines + $1,167 people a month.',
    );
    expect(text.split('$1,400').length - 1).toBe(1);
    expect(checkView(buildNoticeModal({ title: 'Your verdict', text }), 'modal')).toEqual([]);
    // A recommendation dearer than the cheapest option names the cheaper one with its total.
    const dearer = buildOwnVerdictText(scoreAnswers(AWS_SHOP_WANTING_KAFKA), 'C1');
    expect(dearer).toMatch(
      /\*Cheapest all in, by the estimate:\* Kinesis, .*, about \$[\d,]+ a month \(\$[\d,]+ machines \+ \$[\d,]+ people\)\./,
    );
  });

  it('tells a person whose answers are mostly “Don’t know” that the team counts them as not sure', () => {
    // Every question with a "Don't know" answered so: what the channel's "who picks what" lists as not sure.
    const unsure = answersFor(
      Object.fromEntries(
        ALL_QUESTIONS.flatMap((question) =>
          question.kind !== 'number' && question.options.some((option) => option.id === 'dont_know')
            ? [[question.id, 'dont_know']]
            : [],
        ),
      ),
    );
    expect(isUnsure(unsure)).toBe(true);
    const team = aggregateTeam([{ userId: 'U0CAROL', answers: unsure }]);
    expect(team.picks).toEqual([{ userId: 'U0CAROL', pick: 'unsure' }]);
    const text = buildOwnVerdictText(scoreAnswers(unsure), 'C1', { unsure: isUnsure(unsure) });
    expect(text).toContain('the team verdict’s *Who picks what* line counts you as not sure');
    // A person with firm answers is a pick of their own, and is told nothing of the kind.
    expect(isUnsure(WEB_APP_SHOP_ON_AWS)).toBe(false);
    expect(buildOwnVerdictText(scoreAnswers(WEB_APP_SHOP_ON_AWS), 'C1')).not.toContain('not sure');
  });

  it('does not say nothing could change a verdict still waiting on a workload figure nobody knows', () => {
    const unknown = answersFor({ avg_record_kb: FIGURE_UNKNOWN });
    const verdict = scoreAnswers(unknown);
    expect(verdict.cost).toBeUndefined();
    const text = buildOwnVerdictText(verdict, 'C1');
    expect(text).toContain("“Don't know”, so the cost cannot be priced");
    expect(verdict.flip).toBeFalsy();
    expect(text).toContain('finding out the record size might, since the machine bill waits on it.');
    expect(text).not.toContain('nothing the team could change or find out');
  });

  it('gives the recommended platform’s own bill when another platform’s option is cheaper', () => {
    const random = seededRandom(23);
    let seen = 0;
    for (let run = 0; run < 400 && seen < 5; run++) {
      const verdict = scoreAnswers(randomAnswers(random));
      const priced = (verdict.cost?.options ?? [])
        .flatMap((option) => (option.available ? [option] : []))
        .sort((a, b) => a.totalUsd - b.totalUsd);
      const own = priced.find((option) => option.platform === verdict.recommendation);
      if (!own || priced[0]?.platform === verdict.recommendation || verdict.costSentence) continue;
      seen++;
      const text = buildOwnVerdictText(verdict, 'C1');
      expect(text).toContain(
        `*${PLATFORM_LABELS[verdict.recommendation]}, by the estimate:* ${COST_OPTION_LABELS[own.option]} (`,
      );
      expect(text).toContain('*Cheapest all in, by the estimate:*');
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('does not promise a visible team verdict when the decision is blind', () => {
    const text = buildOwnVerdictText(scoreAnswers(WEB_APP_SHOP_ON_AWS), 'C1', { blind: true });
    expect(text).toContain('stays hidden until the decision closes');
    expect(text).not.toContain('with the full cost table');
  });
});

describe('the largest verdict', () => {
  const longest = (texts: string[]) => texts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const reasons = ALL_QUESTIONS.flatMap((question) =>
    question.kind === 'number'
      ? []
      : question.options.flatMap((option) => [
          ...(option.signals ?? []).map((signal) => signal.reason),
          option.constraint?.reason ?? '',
        ]),
  );
  const answerWords = ALL_QUESTIONS.map(
    (question) =>
      `${question.short} = ${question.kind === 'number' ? '100,000 consumer groups' : longest(question.options.map((option) => option.label))} (299 of 300)`,
  ).sort((a, b) => b.length - a.length);

  /** Every part at its longest: every row and deciding factor, all platforms out, an override, a two-answer flip. */
  function largestTeam(): TeamVerdict {
    const real = aggregateTeam(
      Array.from({ length: 300 }, (_, index) => ({
        userId: `U${String(index).padStart(5, '0')}`,
        answers: answersFor({ avg_write_mbps: 100_000, peak_write_mbps: 100_000, avg_record_kb: 0.1 }),
      })),
    );
    const row = (target: CategoryResult['target']): CategoryResult => ({
      target,
      advantage: 'kinesis',
      strength: 'decisive',
      scores: { kafka: 0, kinesis: 0, msk: 0 },
      reason: longest(reasons),
      drivenBy: ALL_QUESTIONS.slice(0, 3).map((question) => question.id),
      from: answerWords.slice(0, 3),
    });
    const flipClause = `the team agreed on ${answerWords[0]} (most now say “${longest(reasons)}”)`;
    return {
      ...real,
      respondents: 300,
      splits: CATEGORIES.map((target) => ({
        target,
        counts: { kafka: 100, kinesis: 100, msk: 50, even: 50 },
      })),
      mostDivided: ['performance', 'setup', 'ops_people'],
      verdict: {
        ...real.verdict,
        confidenceReason: 'Only 100 of 300 people’s answers point to self-managed Kafka.',
        rows: CATEGORIES.map(row),
        decidingFactors: DECIDING_FACTORS.map(row),
        override: {
          categoriesFavour: 'kinesis',
          factor: 'versatile_deployment',
          sentence:
            'The categories favour Amazon Kinesis; your deciding factor (streaming is the product) favours self-managed Kafka.',
        },
        excluded: PLATFORMS.map((platform) => ({ platform, reason: longest(reasons) })),
        flip: {
          changes: [],
          recommendation: 'msk',
          sentence: `If ${flipClause} and ${flipClause}, the verdict would be Amazon MSK.`,
        },
      },
    };
  }

  it('stays within Slack’s limits, whatever the inputs', () => {
    const message = buildDecisionMessage({
      decision: { ...decision, title: 'x'.repeat(300) },
      team: largestTeam(),
      inProgress: 299,
    });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(checkMessageText(message.text)).toEqual([]);
    expect(visibleText(message.blocks)).toContain('A month, machines and people');
    const modal = buildVerdictDetailsModal({ title: 'x'.repeat(300), team: largestTeam(), arguments: [] });
    expect(checkView(modal, 'modal')).toEqual([]);
    expect(visibleText(modal.blocks)).toContain('Monthly cost estimate');
  });

  it('stays within Slack’s limits for many random teams', () => {
    const random = seededRandom(50);
    for (let run = 0; run < 10; run++) {
      const people = Array.from({ length: 1 + Math.floor(random() * 20) }, (_, index) => ({
        userId: `U${index}`,
        answers: randomAnswers(random),
      }));
      const message = buildDecisionMessage({ decision, team: aggregateTeam(people), inProgress: 3 });
      expect(checkMessageBlocks(message.blocks), `team ${run}`).toEqual([]);
    }
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

describe('a message that fits one screen', () => {
  /** Lines as a reader sees them: every line of text, one for the buttons. */
  function measure(message: { blocks: unknown[] }) {
    const text = visibleText(
      message.blocks.filter((block) => (block as { type: string }).type !== 'actions'),
    );
    return { lines: text.split('\n').length + 1, chars: text.length };
  }

  /** The team of these people and its decision message, with the argument in divided categories. */
  function messageOf(people: { userId: string; answers: Answers }[], inProgress = 0) {
    const team = aggregateTeam(people);
    return {
      team,
      message: buildDecisionMessage({ decision, team, inProgress, arguments: argumentsFor(people, team) }),
    };
  }

  function teamOf(size: number, seed: number) {
    const random = seededRandom(seed);
    return Array.from({ length: size }, (_, index) => ({
      userId: `U${String(index).padStart(9, '0')}`,
      answers: randomAnswers(random),
    }));
  }

  it('holds 3 people with a disputed fact in 30 lines and 2,500 characters, naming both sides', () => {
    const mustSpeakKafka = answersFor({
      kafka_usage: ['connect'],
      kafka_api_need: 'must',
      avg_write_mbps: 40,
    });
    const people = [
      { userId: 'U0ALICE', answers: { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: 0.5, peak_write_mbps: 1 } },
      { userId: 'U0BOB', answers: { ...mustSpeakKafka, peak_write_mbps: 80 } },
      { userId: 'U0CAROL', answers: answersFor() },
    ];
    const { team, message } = messageOf(people);
    const { lines, chars } = measure(message);
    expect(lines).toBeLessThanOrEqual(30);
    expect(chars).toBeLessThanOrEqual(2500);
    const settle = find(message.blocks, VERDICT_BLOCK_IDS.settle)?.text?.text ?? '';
    expect(settle).toContain('<@U0BOB> must speak Kafka');
    expect(settle).toContain('<@U0ALICE>');
    expect(settle).toContain('it rules Amazon Kinesis out');
    expect(find(message.blocks, VERDICT_BLOCK_IDS.cost)?.text?.text).toMatch(
      /average writes 0\.5–40 MB\/s \(priced at 5\) :warning:.*\(:warning: over 3× apart\)$/,
    );
    expect(find(message.blocks, VERDICT_BLOCK_IDS.picks)?.text?.text).toContain('<@U0BOB>');
    expect(team.recommendation).not.toBe('kinesis');
  });

  it('says what each of the team’s numbers is priced at: of two answers, the larger, and the cost across the range', () => {
    const people = [
      { userId: 'U0ALICE', answers: answersFor({ avg_write_mbps: 10, peak_write_mbps: 20 }) },
      { userId: 'U0BOB', answers: answersFor({ avg_write_mbps: 25, peak_write_mbps: 30 }) },
    ];
    const { message, team } = messageOf(people);
    const cost = find(message.blocks, VERDICT_BLOCK_IDS.cost)?.text?.text ?? '';
    expect(cost).toContain('average writes 10–25 MB/s (priced at 25)');
    expect(cost).toContain('peak writes 20–30 MB/s (priced at 30)');
    expect(cost).not.toContain('median');
    // Both ends of the range are priced for the recommendation, the figure priced being the top.
    const ends = team.rangeEnds;
    expect(ends && ends.lowUsd < ends.highUsd).toBe(true);
    expect(cost).toContain(
      `${PLATFORM_LABELS[team.recommendation]} from about ${formatUsd(ends?.lowUsd ?? 0)} to ${formatUsd(ends?.highUsd ?? 0)} across the team’s range`,
    );
    // A peak below the average (a range of averages priced at 32, and a typed 40, beside peaks of 20 and 30) is
    // priced as the average, as the estimate reads it, and says so, the figure lying above every peak given.
    const ranged = [
      { userId: 'U0ALICE', answers: answersFor({ avg_write_mbps: 'avg_10_100', peak_write_mbps: 20 }) },
      { userId: 'U0BOB', answers: answersFor({ avg_write_mbps: 40, peak_write_mbps: 30 }) },
    ];
    const rangedMessage = messageOf(ranged);
    expect(rangedMessage.team.verdict.cost?.workload.peakWriteMbps).toBe(40);
    const rangedCost = find(rangedMessage.message.blocks, VERDICT_BLOCK_IDS.cost)?.text?.text ?? '';
    expect(rangedCost).toContain('peak writes 20–30 MB/s (priced at 40, the average)');
    // Inside the range of peaks given, too: peaks 5, 5 and 200 (priced at 5) beside averages whose figure is 32.
    const inside = messageOf([
      { userId: 'U0ALICE', answers: answersFor({ avg_write_mbps: 2, peak_write_mbps: 5 }) },
      { userId: 'U0BOB', answers: answersFor({ avg_write_mbps: 100, peak_write_mbps: 200 }) },
      { userId: 'U0CAROL', answers: answersFor({ avg_write_mbps: 'avg_10_100', peak_write_mbps: 5 }) },
    ]);
    expect(find(inside.message.blocks, VERDICT_BLOCK_IDS.cost)?.text?.text).toContain(
      'peak writes 5–200 MB/s (priced at 32, the average)',
    );
    // Records reaching a MiB say each figure with its unit, not "1–3,072 KB (priced at 1)".
    const records = messageOf([
      { userId: 'U0ALICE', answers: answersFor({ avg_record_kb: 1 }) },
      { userId: 'U0BOB', answers: answersFor({ avg_record_kb: 1 }) },
      { userId: 'U0CAROL', answers: answersFor({ avg_record_kb: 'record_1_10mib' }) },
    ]);
    expect(find(records.message.blocks, VERDICT_BLOCK_IDS.cost)?.text?.text).toContain(
      'record size 1 KB–3 MiB (priced at 1 KB) :warning:',
    );
  });

  it('holds 40 people who all said “Don’t know” to every workload number, naming a few and counting the rest', () => {
    const unknown = Object.fromEntries(
      ALL_QUESTIONS.filter((q) => q.kind === 'number').map((q, index) => [
        q.id,
        index % 2 === 0 ? FIGURE_TYPICAL : FIGURE_UNKNOWN,
      ]),
    );
    const people = teamOf(40, 7).map((person) => ({ ...person, answers: { ...person.answers, ...unknown } }));
    const { team, message } = messageOf(people, 5);
    const { lines, chars } = measure(message);
    expect(lines).toBeLessThanOrEqual(30);
    expect(chars).toBeLessThanOrEqual(2500);
    const figures = find(message.blocks, VERDICT_BLOCK_IDS.figures)?.text?.text ?? '';
    expect(figures).toContain(
      '• priced at typical figures: average writes 1 MB/s, record size 1 KB, days kept 7 days (agreed by <@U000000000>, <@U000000001>, <@U000000002> and 37 more)',
    );
    expect(figures).toContain(
      "• not priced, nobody knew: peak writes, reading services (<@U000000000>, <@U000000001>, <@U000000002> and 37 more said “Don't know”)",
    );
    // A figure nobody gave: no cost table at all, rather than one resting on it.
    expect(find(message.blocks, VERDICT_BLOCK_IDS.cost)).toBeUndefined();
    expect(team.confidence).toBe('low');
  });

  it('lists in Details every fact to settle that the message sends the reader there for', () => {
    const { team, message } = messageOf(teamOf(300, 300), 5);
    const settle = find(message.blocks, VERDICT_BLOCK_IDS.settle)?.text?.text ?? '';
    const more = Number(settle.match(/…and (\d+) more facts? to settle in Details/)?.[1]);
    expect(more).toBeGreaterThan(0);
    const details = find(verdictDetailBlocks(team, []), BLOCK_IDS.verdictSettle)?.text?.text ?? '';
    const listed = details.split('\n').filter((line) => line.startsWith(':warning: *Settle first — '));
    expect(listed).toHaveLength(more + 2);
    for (const dispute of team.disputes) expect(details).toContain(`*Settle first — ${dispute.short}:*`);
  });

  it.each([25, 300])(
    'holds %i people in 30 lines and 2,500 characters, and says how many more picked',
    (size) => {
      const people = teamOf(size, size);
      const { message } = messageOf(people, 5);
      const { lines, chars } = measure(message);
      expect(lines).toBeLessThanOrEqual(30);
      expect(chars).toBeLessThanOrEqual(2500);
      const picks = find(message.blocks, VERDICT_BLOCK_IDS.picks)?.text?.text ?? '';
      expect(picks).toMatch(/and \d+ more|…/);
      expect(checkMessageBlocks(message.blocks)).toEqual([]);
    },
  );
});
