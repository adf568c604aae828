import { describe, expect, it } from 'vitest';
import {
  ALL_QUESTIONS,
  type Answers,
  type CategoryResult,
  type SignalTarget,
  scoreAnswers,
  type Verdict,
} from '../../src/domain/index.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  NEUTRAL_ANSWERS,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from './fixtures.js';

function row(verdict: Verdict, target: SignalTarget): CategoryResult {
  const found = [...verdict.rows, ...verdict.decidingFactors].find(
    (candidate) => candidate.target === target,
  );
  if (!found) throw new Error(`no ${target} row`);
  return found;
}

/** A team as strong as the questionnaire can describe: every team question at its most Kafka-friendly answer. */
function strongestKafkaTeam(rows: SignalTarget[]): Answers {
  // Existing Kafka code and where you run are facts about the system, not about the team.
  const notAboutTheTeam = ['where_you_run', 'kafka_usage', 'kafka_api_need'];
  const answers = answersFor();
  for (const question of ALL_QUESTIONS) {
    if (question.kind !== 'single' || notAboutTheTeam.includes(question.id)) continue;
    const lead = (option: (typeof question.options)[number]) =>
      (option.signals ?? [])
        .filter((signal) => rows.includes(signal.target))
        .reduce((sum, signal) => sum + (signal.toward === 'kafka' ? signal.points : -signal.points), 0);
    const best = [...question.options].sort((a, b) => lead(b) - lead(a))[0];
    if (best) answers[question.id] = best.id;
  }
  return answers;
}

describe('canonical scenarios', () => {
  it('streaming is the product: Kafka, although setup, people and incident risk favour Kinesis', () => {
    const verdict = scoreAnswers(STREAMING_IS_THE_PRODUCT);
    expect(verdict.recommendation).toBe('kafka');
    expect(row(verdict, 'setup').advantage).toBe('kinesis');
    expect(row(verdict, 'ops_people').advantage).toBe('kinesis');
    expect(row(verdict, 'incident_risk').advantage).toBe('kinesis');
    expect(verdict.decidingFactors.map((factor) => factor.target)).toEqual([
      'streaming_product',
      'versatile_deployment',
    ]);
    expect(verdict.override).toMatchObject({ categoriesFavour: 'kinesis' });
    // Both factors are held, so both are named.
    expect(verdict.override?.sentence).toBe(
      'The categories favour Amazon Kinesis; your deciding factors (streaming is the product and deploy anywhere) favour self-managed Kafka.',
    );
    expect(verdict.confidenceReason).toBe(
      'The answers were firm, and the deciding factors (streaming is the product and deploy anywhere) settle it.',
    );
    expect(row(verdict, 'streaming_product').reason).toBe('event streaming is what you sell');
  });

  it('web/app shop on AWS: Kinesis, decisively on setup and people', () => {
    const verdict = scoreAnswers(WEB_APP_SHOP_ON_AWS);
    expect(verdict.recommendation).toBe('kinesis');
    expect(verdict.confidence).toBe('high');
    expect(row(verdict, 'setup')).toMatchObject({
      advantage: 'kinesis',
      strength: 'decisive',
      reason: 'it must be in production within weeks',
    });
    expect(row(verdict, 'ops_people')).toMatchObject({
      advantage: 'kinesis',
      strength: 'decisive',
      reason: 'no engineer can be spared to run it',
    });
    expect(row(verdict, 'ops_people').drivenBy).toContain('dedicated_engineers');
    expect(verdict.override).toBeUndefined();
    expect(verdict.decidingFactors).toEqual([]);
  });

  it('AWS shop that wants the Kafka ecosystem: MSK', () => {
    const verdict = scoreAnswers(AWS_SHOP_WANTING_KAFKA);
    expect(verdict.recommendation).toBe('msk');
    expect(row(verdict, 'setup')).toMatchObject({
      advantage: 'msk',
      reason: 'your services already talk to Kafka, so nothing is rewritten',
    });
    expect(verdict.override).toBeUndefined();
  });

  it('AWS shop with Kafka clients only, or needing the Kafka API, still lands on MSK', () => {
    expect(scoreAnswers({ ...AWS_SHOP_WANTING_KAFKA, kafka_usage: ['clients'] }).recommendation).toBe('msk');
    const portable = scoreAnswers({
      ...AWS_SHOP_WANTING_KAFKA,
      kafka_usage: ['none'],
      kafka_api_need: 'must',
    });
    expect(portable.recommendation).toBe('msk');
    expect(portable.excluded).toEqual([
      { platform: 'kinesis', reason: 'the stream must speak the Kafka API, which Kinesis does not' },
    ]);
  });
});

describe("the write-up's priors", () => {
  it('are evidence a team of Kafka veterans can outweigh, and a strong team without the years cannot', () => {
    const veterans = strongestKafkaTeam(['setup', 'ops_people']);
    expect(veterans.kafka_ops_experience).toBe('many_years');
    const verdict = scoreAnswers(veterans);
    expect(row(verdict, 'setup').advantage).toBe('kafka');
    expect(row(verdict, 'ops_people').advantage).toBe('kafka');
    // The prior still speaks in the row, discounted, for the platform it favours.
    expect(row(verdict, 'setup').scores.kinesis).toBeGreaterThan(0);
    const fewerYears = scoreAnswers({ ...veterans, kafka_ops_experience: 'one_to_three_years' });
    expect(row(fewerYears, 'setup').advantage).toBe('kinesis');
    expect(row(fewerYears, 'ops_people').advantage).toBe('kinesis');
    // The prior is the row's reason, and From names it as the prior without saying it again; the discount is
    // said once for the verdict.
    expect(row(fewerYears, 'setup').reason).toBe(
      'a Kinesis stream is production-ready in hours, with no servers to build',
    );
    expect(fewerYears.discountNote).toMatch(
      /^The managed services’ head start in .+ counts \d+% less for the Kafka production experience in your answers\.$/,
    );
    expect(row(fewerYears, 'setup').from.at(-1)).toBe('what holds for most teams');
  });

  it('let incident risk turn only with deep Kafka experience, strong monitoring and a 24-hour rotation', () => {
    const seasoned = answersFor({
      engineering_practice: 'distributed_systems',
      kafka_ops_experience: 'many_years',
      monitoring_maturity: 'strong',
      oncall_rotation: 'yes',
      incident_history: 'rare_and_short',
      downtime_cost: 'little',
    });
    expect(row(scoreAnswers(seasoned), 'incident_risk')).toMatchObject({
      advantage: 'kafka',
      reason: 'the team has run Kafka at scale for many years',
    });
    const withoutTheYears = { ...seasoned, kafka_ops_experience: 'under_a_year' };
    expect(row(scoreAnswers(withoutTheYears), 'incident_risk').advantage).toBe('kinesis');
  });

  it('treat performance as a near pass/fail: it leans Kafka only a little and barely counts', () => {
    const verdict = scoreAnswers(NEUTRAL_ANSWERS);
    expect(row(verdict, 'performance')).toMatchObject({ advantage: 'kafka', strength: 'slight' });
    expect(verdict.recommendation).toBe('kinesis');
  });
});

describe('hard constraints', () => {
  it('takes Kinesis and MSK off the table when you do not run on AWS', () => {
    const verdict = scoreAnswers(answersFor({ where_you_run: 'not_aws' }));
    const reason = 'you do not run on AWS, and Kinesis and MSK exist only on AWS';
    expect(verdict.excluded).toEqual([
      { platform: 'kinesis', reason },
      { platform: 'msk', reason },
    ]);
    expect(verdict.recommendation).toBe('kafka');
    for (const category of verdict.rows) {
      expect(category).toMatchObject({ advantage: 'kafka', strength: 'only', reason });
      expect(category.scores.kinesis).toBe(0);
      expect(category.scores.msk).toBe(0);
    }
    expect(verdict.override).toBeUndefined();
    // The team has run Kafka under a year: what is left is not one it can run yet, and it is told so.
    expect(verdict.confidenceReason).toBe(
      'Running it is the catch: the team would rather a vendor owned upgrades and patches, so a managed Kafka service where you run is worth comparing.',
    );
    expect(row(verdict, 'setup').from).toEqual(['where you run = not on AWS']);
  });

  it('counts having to run outside AWS as a reason to deploy anywhere', () => {
    const verdict = scoreAnswers(answersFor({ where_you_run: 'also_outside_aws' }));
    expect(verdict.excluded.map((exclusion) => exclusion.platform)).toEqual(['kinesis', 'msk']);
    expect(verdict.recommendation).toBe('kafka');
    expect(row(verdict, 'versatile_deployment')).toMatchObject({
      advantage: 'kafka',
      reason: 'the stream must also run outside AWS',
    });
  });

  it('rules Kinesis out for retention beyond a year', () => {
    const verdict = scoreAnswers(answersFor({ retention_days: 400 }));
    expect(verdict.excluded).toEqual([
      {
        platform: 'kinesis',
        reason: 'records must stay readable for 400 days, and Kinesis keeps them for at most 365',
      },
    ]);
    expect(verdict.recommendation).toBe('msk');
    for (const category of verdict.rows) expect(category.advantage).not.toBe('kinesis');
    expect(scoreAnswers(answersFor({ retention_days: 365 })).excluded).toEqual([]);
  });

  it('rules Kinesis out for records over 10 MiB, and keeps it for large records below', () => {
    const verdict = scoreAnswers(answersFor({ avg_record_kb: 20_480 }));
    expect(verdict.excluded).toEqual([
      {
        platform: 'kinesis',
        reason:
          'records of 20 MB are over Kinesis’s 10 MiB maximum; teams with payloads this large keep them in S3 and stream a pointer',
      },
    ]);
    expect(verdict.recommendation).not.toBe('kinesis');
    expect(scoreAnswers(answersFor({ avg_record_kb: 4096 })).excluded).toEqual([]);
    expect(scoreAnswers(answersFor({ avg_record_kb: 10_240 })).excluded).toEqual([]);
  });
});

describe('deciding factors', () => {
  it('override the categories when streaming is what you sell', () => {
    const verdict = scoreAnswers(answersFor({ streaming_is_product: 'core' }));
    expect(verdict.recommendation).toBe('kafka');
    expect(verdict.override).toEqual({
      categoriesFavour: 'kinesis',
      factor: 'streaming_product',
      sentence:
        'The categories favour Amazon Kinesis; your deciding factor (streaming is the product) favours self-managed Kafka.',
    });
  });

  it('override when customers decide where data lives', () => {
    const verdict = scoreAnswers(answersFor({ deploy_anywhere: 'yes' }));
    expect(verdict.recommendation).toBe('kafka');
    expect(verdict.override?.factor).toBe('versatile_deployment');
  });

  it('are listed but do not override when answered only mildly', () => {
    const verdict = scoreAnswers(answersFor({ speed_is_feature: 'yes', tunability: 'every_layer' }));
    expect(verdict.recommendation).toBe('kinesis');
    expect(verdict.override).toBeUndefined();
    expect(verdict.decidingFactors).toMatchObject([{ target: 'streaming_product', advantage: 'kafka' }]);
  });
});

describe('every row', () => {
  it('names the answers that drove it: the question in short and the answer given', () => {
    const verdict = scoreAnswers(WEB_APP_SHOP_ON_AWS);
    expect(row(verdict, 'ops_people')).toMatchObject({
      drivenBy: ['dedicated_engineers', 'company_size', 'oncall_rotation'],
      from: [
        'engineers free for the stream = none',
        'company size = 1 to 10',
        'on-call today = none',
        'what holds for most teams: AWS runs Kinesis, so nobody on your team is paged for it',
      ],
    });
    expect(row(verdict, 'incident_risk').from).toEqual([
      'Kafka ops experience = never',
      'cost of an hour down = lost revenue',
      'outage history = nothing run ourselves',
      'what holds for most teams: a service AWS runs for many customers fails less often than a new cluster of your own',
    ]);
    for (const each of verdict.rows) {
      // The answers, then the prior where it also favours the leader.
      expect(each.from.slice(0, each.drivenBy.length)).toEqual(
        each.drivenBy.map((id) => expect.stringContaining(id === 'cost_estimate' ? 'cost' : '')),
      );
      expect(each.from.length - each.drivenBy.length).toBeLessThanOrEqual(1);
    }
  });

  it('names only the answers that moved a row toward its leader', () => {
    // Kafka clients pull setup toward MSK and Kafka; in a row Kinesis leads they are not its evidence.
    const verdict = scoreAnswers({ ...WEB_APP_SHOP_ON_AWS, kafka_usage: ['clients'] });
    expect(row(verdict, 'setup').advantage).toBe('kinesis');
    expect(row(verdict, 'setup').drivenBy).not.toContain('kafka_usage');
  });

  it('says when no answer moved it, and what it rests on', () => {
    expect(row(scoreAnswers(NEUTRAL_ANSWERS), 'performance')).toMatchObject({
      drivenBy: [],
      reason: 'a tuned Kafka cluster has the most raw headroom',
      from: ['what holds for most teams'],
    });
  });
});

describe('workload', () => {
  it('a tiny hobby load is cheapest on Kinesis, and the machine row says so from the estimate', () => {
    const verdict = scoreAnswers(
      answersFor({
        avg_write_mbps: 0.05,
        peak_write_mbps: 0.2,
        avg_record_kb: 0.5,
        consumer_groups: 1,
        retention_days: 1,
        availability_zones: 'one',
      }),
    );
    expect(verdict.recommendation).toBe('kinesis');
    // Each platform's machines as the option the verdict prices them: Kinesis on demand, MSK Serverless.
    expect(row(verdict, 'ops_machines')).toMatchObject({
      advantage: 'kinesis',
      strength: 'decisive',
      reason: 'the machines on Amazon Kinesis cost about $53 a month, against $360 on self-managed Kafka',
      drivenBy: ['cost_estimate'],
      from: ['the machine cost estimate'],
    });
  });

  it('a steady large load of small records in one zone, kept three days, is cheapest on machines you run yourselves', () => {
    const strongOpsTeam = strongestKafkaTeam(['ops_people', 'incident_risk']);
    // Kept one day, Kinesis wins here: two streams of 660 shards, 3 readers polling each, about $15,700 a month
    // against $21,600 for the brokers and their disks. Kept three, its retention doubles the shard-hours.
    const load = {
      ...strongOpsTeam,
      avg_write_mbps: 400,
      peak_write_mbps: 440,
      avg_record_kb: 0.25,
      consumer_groups: 6,
      retention_days: 3,
      availability_zones: 'one',
    };
    const verdict = scoreAnswers(load);
    const cheapest = verdict.cost?.options
      .flatMap((option) => (option.available ? [option] : []))
      .sort((a, b) => a.machinesUsd - b.machinesUsd)[0];
    expect(cheapest?.option).toBe('kafka_ec2');
    expect(row(verdict, 'ops_machines')).toMatchObject({ advantage: 'kafka', strength: 'clear' });
    // Across three zones the copies between them take self-run Kafka's lead away.
    expect(row(scoreAnswers({ ...load, availability_zones: 'three' }), 'ops_machines').advantage).not.toBe(
      'kafka',
    );
  });

  it('extreme throughput (GB/s) counts for a tuned cluster on performance', () => {
    const verdict = scoreAnswers(answersFor({ avg_write_mbps: 3000, peak_write_mbps: 6000 }));
    expect(row(verdict, 'performance')).toMatchObject({
      advantage: 'kafka',
      reason: 'at peaks over 1,000 MB/s, a tuned cluster has the most headroom',
    });
    expect(row(verdict, 'performance').from).toContain('peak writes = 6,000 MB/s');
  });

  it('many consumer groups crowd Kinesis shards', () => {
    const verdict = scoreAnswers(answersFor({ consumer_groups: 40 }));
    expect(row(verdict, 'performance')).toMatchObject({
      reason: 'more than 20 consumer groups would crowd each Kinesis shard’s read limit',
    });
    expect(row(verdict, 'performance').from).toEqual([
      'reading services = 40 consumer groups',
      'what holds for most teams: a tuned Kafka cluster has the most raw headroom',
    ]);
  });
});

describe('confidence', () => {
  it('is low when most answers are "Don\'t know"', () => {
    const unsure = answersFor();
    for (const question of ALL_QUESTIONS) {
      if (question.kind !== 'number' && question.options.some((option) => option.dontKnow)) {
        unsure[question.id] = question.kind === 'multi' ? ['dont_know'] : 'dont_know';
      }
    }
    const verdict = scoreAnswers(unsure);
    expect(verdict.confidence).toBe('low');
    expect(verdict.dontKnowShare).toBeGreaterThan(0.8);
    expect(verdict.confidenceReason).toBe("88% of the answers were “Don't know”, so this is a rough guess.");
  });

  it('is medium when a few answers are "Don\'t know"', () => {
    const verdict = scoreAnswers(
      answersFor({
        ops_skills: 'dont_know',
        company_stage: 'dont_know',
        monitoring_maturity: 'dont_know',
        downtime_cost: 'dont_know',
      }),
    );
    expect(verdict.confidence).toBe('medium');
    expect(verdict.confidenceReason).toBe(
      "16% of the answers were “Don't know”; firmer answers would sharpen it.",
    );
  });

  it('drops when the top two finish close', () => {
    const verdict = scoreAnswers({ ...AWS_SHOP_WANTING_KAFKA, kafka_usage: ['connect'] });
    expect(verdict.recommendation).toBe('msk');
    expect(verdict.confidence).toBe('medium');
    expect(verdict.confidenceReason).toBe(
      'Amazon MSK leads only narrowly, so a few answers could change it.',
    );
  });

  it('is low when fewer than half of the questions were answered', () => {
    const verdict = scoreAnswers({ company_size: 'eng_1_10', where_you_run: 'aws_only' });
    expect(verdict.confidence).toBe('low');
    expect(verdict.confidenceReason).toBe('Fewer than half of the questions were answered.');
  });
});

describe('robustness', () => {
  it('ignores answers that no longer fit the questions instead of failing', () => {
    const stale = {
      ...NEUTRAL_ANSWERS,
      where_you_run: ['not_aws'],
      deploy_anywhere: 'on_mars',
      kafka_usage: 'clients',
      data_rules: ['none', 'region'],
      avg_write_mbps: -3,
      retention_days: 'forever',
      retired: 'x',
    } as Answers;
    const verdict = scoreAnswers(stale);
    expect(verdict.recommendation).toBe('kinesis');
    expect(verdict.excluded).toEqual([]);
  });
});
