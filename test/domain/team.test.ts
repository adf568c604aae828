import { describe, expect, it } from 'vitest';
import {
  ALL_QUESTIONS,
  aggregateTeam,
  type RespondentAnswers,
  scoreAnswers,
} from '../../src/domain/index.js';
import { PLATFORM_LABELS } from '../../src/domain/platform.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from './fixtures.js';
import { randomAnswers, seededRandom, shuffled } from './random-answers.js';

function team(...answerSets: RespondentAnswers['answers'][]): RespondentAnswers[] {
  return answerSets.map((answers, index) => ({ userId: `U${String(index).padStart(4, '0')}`, answers }));
}

describe('aggregateTeam', () => {
  it('says “none of” where nobody’s own answers point to the team verdict, never “only 0 of”', () => {
    const random = seededRandom(31);
    let none = 0;
    for (let run = 0; run < 300; run++) {
      const people = Array.from({ length: 2 + Math.floor(random() * 2) }, () => randomAnswers(random));
      const reason = aggregateTeam(team(...people)).verdict.confidenceReason;
      expect(reason).not.toMatch(/Only 0 of/);
      if (/^None of the \d+ people’s own answers point to /.test(reason)) none++;
    }
    expect(none).toBeGreaterThan(0);
  });

  it('says which of the team’s answers its people figures read, so a person can tell why theirs differ', () => {
    const veteran = answersFor({ kafka_ops_experience: 'many_years', oncall_rotation: 'yes' });
    const people = team(AWS_SHOP_WANTING_KAFKA, veteran, WEB_APP_SHOP_ON_AWS);
    const { verdict } = aggregateTeam(people);
    const basis = verdict.cost?.assumptions.find((line) => line.startsWith('Engineers’ time is sized from'));
    expect(basis).toMatch(
      /^Engineers’ time is sized from the team’s most common answers, not each person’s: /,
    );
    // The veteran's own answers are not what the team's people figures read: the line says what is.
    expect(basis).toContain('Kafka ops experience = never (1 of 3)');
    expect(basis).toContain('on-call today = 24-hour rotation (1 of 3)');
    expect(basis).toContain('cost of an hour down = lost revenue (2 of 3)');
    // One person's own answers are theirs: no such line.
    expect(scoreAnswers(veteran).cost?.assumptions.some((line) => line.startsWith('Engineers’ time'))).toBe(
      false,
    );
  });

  it('names the discount for Kafka experience once, and only where the answers carry enough of it', () => {
    const discounted = /less for the Kafka production experience/;
    const words = (people: RespondentAnswers['answers'][]) => {
      const { verdict } = aggregateTeam(team(...people));
      // Said once for the verdict, never again in the rows it touches.
      for (const row of verdict.rows) expect([row.reason, ...row.from].join('\n')).not.toMatch(discounted);
      return verdict.discountNote ?? '';
    };
    const veteran = answersFor({
      kafka_ops_experience: 'many_years',
      oncall_rotation: 'yes',
      monitoring_maturity: 'strong',
    });
    const never = answersFor({ kafka_ops_experience: 'never' });
    expect(words([veteran, veteran, never])).toMatch(
      /^The managed services’ head start in setup \(people\), running it \(people\) and incident risk counts \d+% less for the Kafka production experience in the team’s answers\.$/,
    );
    // One person of four with a few years: a 2% discount, which the rows do not claim.
    const fewYears = answersFor({ kafka_ops_experience: 'one_to_three_years' });
    expect(words([fewYears, never, never, never])).not.toMatch(discounted);
  });

  it('names every answer behind a row that the typical answer did not move', () => {
    const verdict = aggregateTeam(
      team(
        answersFor({ kafka_usage: ['none'], kafka_api_need: 'no' }),
        answersFor({ kafka_usage: ['none'], kafka_api_need: 'no' }),
        answersFor({ kafka_usage: ['clients'], kafka_api_need: 'nice' }),
        answersFor({ kafka_usage: ['clients', 'streams'], kafka_api_need: 'nice' }),
      ),
    ).verdict;
    const setup = verdict.rows.find((row) => row.target === 'setup');
    expect(setup?.advantage).toBe('msk');
    // Two of four gave the reason: theirs, not the team's.
    expect(setup?.reason).toBe(
      'for 2 of 4 people, your services already talk to Kafka, so nothing is rewritten',
    );
    // Not "Kafka already in use = none (2 of 4)": the two who said none did not lean it to MSK.
    expect(setup?.from).toContain(
      'Kafka already in use: split between “none” (2), “Kafka clients” (1), “Kafka clients and Kafka Streams” (1)',
    );
    // Where the typical answer did move the row, it is named with its count, as before.
    const people = verdict.rows.find((row) => row.target === 'ops_people');
    expect(people?.from).toContain('owner of upgrades = a vendor');
  });

  it('says whose a row’s reason is when only a few gave it, and states the reason most gave as the team’s', () => {
    const some = answersFor({ deploy_anywhere: 'sometimes' });
    const factor = (people: ReturnType<typeof answersFor>[]) =>
      aggregateTeam(team(...people)).verdict.decidingFactors.find(
        (row) => row.target === 'versatile_deployment',
      );
    // One of three says some customers ask: a slight lead, and the reason is that person's.
    expect(factor([some, answersFor(), answersFor()])).toMatchObject({
      advantage: 'kafka',
      reason: 'for 1 of 3 people, some customers ask to choose where data lives',
    });
    // Two of three: the team's own reason, unprefixed.
    expect(factor([some, some, answersFor()])?.reason).toBe('some customers ask to choose where data lives');
    // A reason from what holds for most teams is nobody's answer, and is never counted.
    const performance = aggregateTeam(team(some, answersFor())).verdict.rows.find(
      (row) => row.target === 'performance',
    );
    expect(performance?.reason).toBe('a tuned Kafka cluster has the most raw headroom');
  });

  it('speaks of the team’s answers, never “your answers”, in a team verdict', () => {
    const veteran = answersFor({
      kafka_ops_experience: 'many_years',
      oncall_rotation: 'yes',
      platform_team: 'dedicated_team',
      monitoring_maturity: 'strong',
    });
    const words = (verdict: ReturnType<typeof scoreAnswers>) =>
      [verdict.discountNote ?? '', ...verdict.rows.flatMap((row) => [row.reason, ...row.from])].join('\n');
    const teamWords = words(aggregateTeam(team(veteran, answersFor(), veteran)).verdict);
    expect(teamWords).toContain('for the Kafka production experience in the team’s answers');
    expect(teamWords).not.toContain('your answers');
    // One person's own verdict still speaks to them.
    expect(words(scoreAnswers(veteran))).toContain('in your answers');
  });

  it('names the team’s figure for what it is: the larger of two, an upper median, never “the median” of an even count', () => {
    const pair = aggregateTeam(
      team(
        answersFor({ avg_write_mbps: 5, peak_write_mbps: 10, consumer_groups: 12 }),
        answersFor({ avg_write_mbps: 200, peak_write_mbps: 400, consumer_groups: 12 }),
      ),
    ).verdict;
    const from = (verdict: typeof pair) => verdict.rows.flatMap((row) => row.from).join('\n');
    expect(from(pair)).toContain('peak writes = 400 MB/s (the larger of 2)');
    const four = aggregateTeam(
      team(...[4, 30, 9, 2].map((readers) => answersFor({ consumer_groups: readers }))),
    ).verdict;
    expect(from(four)).toContain('reading services = 9 consumer groups (upper median of 4)');
    expect(four.flip?.sentence).toBe(
      'If there were at least 45 reading services (priced now at 9), the verdict would be Amazon MSK.',
    );
    expect(`${from(pair)}\n${from(four)}\n${four.flip?.sentence}`).not.toMatch(
      /median of 2|median is|the median/,
    );
  });

  it('shows how a split team divides, and where to argue', () => {
    const result = aggregateTeam(team(WEB_APP_SHOP_ON_AWS, AWS_SHOP_WANTING_KAFKA, STREAMING_IS_THE_PRODUCT));
    expect(result.respondents).toBe(3);
    expect(result.splits.map((split) => split.target)).toEqual([
      'performance',
      'setup',
      'ops_people',
      'ops_machines',
      'incident_risk',
    ]);
    expect(result.splits.find((split) => split.target === 'setup')?.counts).toEqual({
      kafka: 0,
      kinesis: 2,
      msk: 1,
      even: 0,
    });
    // Twelve services reading 300 MB/s make the streaming product's own brokers the cheaper machines.
    expect(result.splits.find((split) => split.target === 'ops_machines')?.counts).toEqual({
      kafka: 1,
      kinesis: 2,
      msk: 0,
      even: 0,
    });
    expect(result.splits.find((split) => split.target === 'incident_risk')?.counts).toEqual({
      kafka: 0,
      kinesis: 3,
      msk: 0,
      even: 0,
    });
    // Performance splits as widely, but it is usually pass/fail: who builds and runs it is argued first.
    expect(result.mostDivided).toEqual(['setup', 'ops_people', 'ops_machines']);
    expect(result.recommendation).toBe('kinesis');
    expect(result.confidence).toBe('low');
    expect(result.verdict.confidenceReason).toBe('Only 1 of 3 people’s answers point to Amazon Kinesis.');
    // One person's deciding factor is not the team's.
    expect(result.verdict.override).toBeUndefined();
  });

  it('calls nothing divided when everyone agrees', () => {
    const result = aggregateTeam(team(WEB_APP_SHOP_ON_AWS, WEB_APP_SHOP_ON_AWS, WEB_APP_SHOP_ON_AWS));
    expect(result.mostDivided).toEqual([]);
    expect(result.recommendation).toBe('kinesis');
    expect(result.confidence).toBe('high');
    expect(result.verdict).toEqual(scoreAnswers(WEB_APP_SHOP_ON_AWS));
  });

  it('gives one person exactly their own verdict', () => {
    const result = aggregateTeam(team(STREAMING_IS_THE_PRODUCT));
    expect(result.verdict).toEqual(scoreAnswers(STREAMING_IS_THE_PRODUCT));
    expect(result.splits.find((split) => split.target === 'setup')?.counts.kinesis).toBe(1);
  });

  it('lets a deciding factor override only when most of the team answered it strongly', () => {
    const majority = aggregateTeam(
      team(STREAMING_IS_THE_PRODUCT, STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS),
    );
    expect(majority.recommendation).toBe('kafka');
    // At the streaming product's 300 MB/s to 12 readers, Kinesis is twice Kafka's bill: the categories favour MSK.
    expect(majority.verdict.override?.categoriesFavour).toBe('msk');
    const minority = aggregateTeam(team(STREAMING_IS_THE_PRODUCT, WEB_APP_SHOP_ON_AWS, WEB_APP_SHOP_ON_AWS));
    expect(minority.recommendation).toBe('kinesis');
    expect(minority.verdict.override).toBeUndefined();
  });

  it('never drops a hard limit one teammate raised, and names the fact to settle', () => {
    const offAws = answersFor({ where_you_run: 'not_aws' });
    const oneOff = aggregateTeam(team(offAws, WEB_APP_SHOP_ON_AWS, WEB_APP_SHOP_ON_AWS));
    expect(oneOff.verdict.excluded.map((exclusion) => exclusion.platform)).toEqual(['kinesis', 'msk']);
    expect(oneOff.recommendation).toBe('kafka');
    expect(oneOff.disputes[0]).toMatchObject({
      questionId: 'where_you_run',
      sides: [
        { words: 'not on AWS', userIds: ['U0000'], rulesOut: ['kinesis', 'msk'] },
        { words: 'all on AWS', userIds: ['U0001', 'U0002'], rulesOut: [] },
      ],
      // Settled the other way, the team verdict would be Kinesis.
      otherwise: 'kinesis',
    });
  });

  it('never gives a plain Kinesis verdict when one person says the stream must speak Kafka', () => {
    const platform = answersFor({ kafka_usage: ['connect'], kafka_api_need: 'must' });
    const unsure = answersFor();
    for (const question of ALL_QUESTIONS) {
      if (question.kind !== 'number' && question.options.some((option) => option.dontKnow)) {
        unsure[question.id] = question.kind === 'multi' ? ['dont_know'] : 'dont_know';
      }
    }
    const result = aggregateTeam(team(WEB_APP_SHOP_ON_AWS, platform, unsure));
    expect(result.recommendation).not.toBe('kinesis');
    expect(result.disputes.map((dispute) => dispute.questionId)).toContain('kafka_api_need');
    expect(result.disputes[0]?.otherwise).toBe('kinesis');
    expect(result.picks).toEqual([
      { userId: 'U0000', pick: 'kinesis' },
      { userId: 'U0001', pick: 'msk' },
      { userId: 'U0002', pick: 'unsure' },
    ]);
  });

  it('names who gave the lowest, the priced and the highest of a disputed number, and no one else', () => {
    const writes = (mbps: number | string) => ({
      ...WEB_APP_SHOP_ON_AWS,
      avg_write_mbps: mbps,
      peak_write_mbps: typeof mbps === 'number' ? mbps * 2 : 'peak_10_100',
    });
    // Averages 0.5, 0.5, 2, 5, 40, 40: priced at 5 (the upper median); 2 is nobody's to settle.
    const result = aggregateTeam(
      team(writes(0.5), writes(5), writes(40), writes(0.5), writes(40), writes(2)),
    );
    const dispute = result.disputes.find((candidate) => candidate.questionId === 'avg_write_mbps');
    expect(dispute?.sides.map(({ value, userIds }) => ({ value, userIds }))).toEqual([
      { value: 0.5, userIds: ['U0000', 'U0003'] },
      { value: 5, userIds: ['U0001'] },
      { value: 40, userIds: ['U0002', 'U0004'] },
    ]);
    // A rough range is its own side, in its own words, not the figure it is priced at.
    const ranged = aggregateTeam(team(writes(0.5), writes('avg_10_100'), writes(0.5)));
    const side = ranged.disputes
      .find((candidate) => candidate.questionId === 'avg_write_mbps')
      ?.sides.find((candidate) => candidate.userIds.includes('U0001'));
    expect(side?.words).toBe('10 to 100 MB/s');
  });

  it('calls a wide number that would change the verdict consequential, at the answer that changes it', () => {
    // Two people, 5 and 200 MB/s to 12 readers: priced at 200, the verdict differs at 5.
    const small = answersFor({ avg_write_mbps: 5, peak_write_mbps: 10, consumer_groups: 12 });
    const large = answersFor({ avg_write_mbps: 200, peak_write_mbps: 400, consumer_groups: 12 });
    const result = aggregateTeam(team(small, large));
    const dispute = result.disputes.find((candidate) => candidate.questionId === 'avg_write_mbps');
    const alone = aggregateTeam(team(small, small)).recommendation;
    expect(alone).not.toBe(result.recommendation);
    expect(dispute).toMatchObject({ otherwise: alone, otherwiseAt: '5 MB/s' });
    // Three of four agree and the answers are firm, but a fact to settle turns it: medium, not high.
    const most = aggregateTeam(team(small, large, large, large));
    expect(most.disputes.find((candidate) => candidate.questionId === 'avg_write_mbps')?.otherwise).toBe(
      alone,
    );
    expect(most.confidence).toBe('medium');
    expect(most.verdict.confidenceReason).toBe(
      `The answers were firm, and Amazon MSK leads clearly, but settling average writes on 5 MB/s would make it ${PLATFORM_LABELS[alone]}.`,
    );
  });

  it('shows workload numbers as the team’s range, and flags an 80× spread as a fact to settle', () => {
    const small = { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: 0.5, peak_write_mbps: 1 };
    const large = { ...WEB_APP_SHOP_ON_AWS, avg_write_mbps: 40, peak_write_mbps: 80 };
    const result = aggregateTeam(team(small, large));
    expect(result.ranges.find((range) => range.questionId === 'avg_write_mbps')).toMatchObject({
      min: 0.5,
      max: 40,
      pricedAt: 40,
      wide: true,
    });
    expect(result.disputes.map((dispute) => dispute.questionId)).toContain('avg_write_mbps');
    expect(result.rangeEnds?.highUsd).toBeGreaterThan(result.rangeEnds?.lowUsd ?? Number.POSITIVE_INFINITY);
  });

  it('reads a rough range as all it allows: a range that holds the other answer is no spread to settle', () => {
    const exact = answersFor({ avg_record_kb: 1 });
    const within = answersFor({ avg_record_kb: 'record_1_10kb' });
    const beyond = answersFor({ avg_record_kb: 'record_100kb_1mib' });
    const record = (result: ReturnType<typeof aggregateTeam>) =>
      result.ranges.find((range) => range.questionId === 'avg_record_kb');
    // "1 KB" and "1 to 10 KB" agree, though the range is priced at 3.2 KB.
    expect(record(aggregateTeam(team(exact, within)))).toMatchObject({ min: 1, max: 3.2, wide: false });
    // "1 KB" and "100 KB to 1 MiB" are at least 100 times apart.
    expect(record(aggregateTeam(team(exact, beyond)))).toMatchObject({ min: 1, max: 320, wide: true });
    // Two ranges that meet at 10 KB agree; two a decade apart with a decade between them do not.
    expect(record(aggregateTeam(team(within, answersFor({ avg_record_kb: 'record_10_100kb' }))))?.wide).toBe(
      false,
    );
    expect(record(aggregateTeam(team(within, beyond)))?.wide).toBe(true);
  });

  it('calls an even split of people a split, whatever order the options are listed in', () => {
    const result = aggregateTeam(team(WEB_APP_SHOP_ON_AWS, AWS_SHOP_WANTING_KAFKA));
    expect(result.picks.map((pick) => pick.pick)).toEqual(['kinesis', 'msk']);
    expect(result.split).toBe(true);
    expect(aggregateTeam(team(WEB_APP_SHOP_ON_AWS, WEB_APP_SHOP_ON_AWS)).split).toBe(false);
  });

  it('pools "Don\'t know" answers across the team', () => {
    const unsure = answersFor({
      ops_skills: 'dont_know',
      company_stage: 'dont_know',
      monitoring_maturity: 'dont_know',
      downtime_cost: 'dont_know',
      incident_history: 'dont_know',
      platform_team: 'dont_know',
      kafka_ops_experience: 'dont_know',
      upgrade_appetite: 'dont_know',
    });
    const result = aggregateTeam(team(unsure, answersFor()));
    expect(result.verdict.dontKnowShare).toBeCloseTo(8 / 50);
    expect(result.confidence).toBe('medium');
  });

  it('has a cautious answer before anyone has finished', () => {
    const result = aggregateTeam([]);
    expect(result.respondents).toBe(0);
    expect(result.confidence).toBe('low');
    expect(result.mostDivided).toEqual([]);
  });

  it('aggregates 300 respondents correctly, whatever their order', () => {
    const random = seededRandom(300);
    const crowd = team(
      ...Array.from({ length: 300 }, (_, index) =>
        index % 3 === 0 ? STREAMING_IS_THE_PRODUCT : WEB_APP_SHOP_ON_AWS,
      ),
    );
    const result = aggregateTeam(crowd);
    expect(result.respondents).toBe(300);
    expect(result.recommendation).toBe('kinesis');
    for (const split of result.splits) {
      expect(Object.values(split.counts).reduce((sum, count) => sum + count, 0)).toBe(300);
    }
    expect(result.splits.find((split) => split.target === 'performance')?.counts).toEqual({
      kafka: 100,
      kinesis: 0,
      msk: 0,
      even: 200,
    });
    expect(result.mostDivided).toEqual(['ops_machines', 'performance']);
    // A third of the team sells streaming, but that is not a thing the rest could change: no flip offered.
    expect(result.verdict.flip?.changes.map((change) => change.questionId) ?? []).not.toContain(
      'streaming_is_product',
    );
    expect(result.verdict.confidenceReason).toBe('Only 200 of 300 people’s answers point to Amazon Kinesis.');
    expect(aggregateTeam(shuffled(random, crowd))).toEqual(result);
  });

  it('quotes the team’s typical answer behind each row, and how many gave it', () => {
    const result = aggregateTeam(team(WEB_APP_SHOP_ON_AWS, AWS_SHOP_WANTING_KAFKA, WEB_APP_SHOP_ON_AWS));
    const setup = result.verdict.rows.find((row) => row.target === 'setup');
    expect(setup?.from).toContain('time to production = within weeks (2 of 3)');
    const peopleRow = result.verdict.rows.find((row) => row.target === 'ops_people');
    expect(peopleRow?.from).toContain('owner of upgrades = a vendor');
  });

  it('prices the team’s typical workload: the median of each number (of an even split the larger), the most common answer to the rest', () => {
    const small = answersFor({ avg_write_mbps: 1, peak_write_mbps: 2, availability_zones: 'one' });
    const medium = answersFor({ avg_write_mbps: 10, peak_write_mbps: 20, availability_zones: 'one' });
    const large = answersFor({ avg_write_mbps: 1000, peak_write_mbps: 2000, availability_zones: 'three' });
    const result = aggregateTeam(team(large, small, medium));
    expect(result.verdict.cost?.workload).toMatchObject({ avgWriteMbps: 10, peakWriteMbps: 20, zones: 1 });
    // Two people, 1 and 1,000 MB/s: sized for the larger, never for the smaller teammate.
    expect(aggregateTeam(team(small, large)).verdict.cost?.workload).toMatchObject({
      avgWriteMbps: 1000,
      peakWriteMbps: 2000,
    });
  });

  it('finds what would flip the team verdict, and the change does flip it when everyone makes it', () => {
    const people = team(WEB_APP_SHOP_ON_AWS, AWS_SHOP_WANTING_KAFKA, AWS_SHOP_WANTING_KAFKA);
    const result = aggregateTeam(people);
    const flip = result.verdict.flip;
    expect(flip).not.toBeNull();
    if (!flip) return;
    expect(flip.recommendation).not.toBe(result.recommendation);
    const agreed = people.map(({ userId, answers }) => {
      const changed = { ...answers };
      for (const change of flip.changes) changed[change.questionId] = change.to;
      return { userId, answers: changed };
    });
    expect(aggregateTeam(agreed).recommendation).toBe(flip.recommendation);
  });

  it('works out the cost and the flip for 300 respondents', () => {
    const random = seededRandom(3);
    const crowd = team(
      ...Array.from(
        { length: 300 },
        (_, index) =>
          [WEB_APP_SHOP_ON_AWS, AWS_SHOP_WANTING_KAFKA, STREAMING_IS_THE_PRODUCT][index % 3] ?? {},
      ),
    );
    const result = aggregateTeam(crowd);
    expect(result.verdict.cost?.options).toHaveLength(7);
    expect(result.verdict.flip?.sentence ?? 'If').toMatch(/^(If |Nothing small. Only if )/);
    expect(aggregateTeam(shuffled(random, crowd))).toEqual(result);
  });
});
