import type { Answers } from '../../src/domain/index.js';

/**
 * A complete, valid answer set for an ordinary team: mid-size, mostly on AWS, no Kafka yet, modest load.
 * Most answers carry no signal, so tests can change a few and see what moves.
 */
export const NEUTRAL_ANSWERS: Answers = {
  company_size: 'eng_51_250',
  company_stage: 'growth',
  engineering_practice: 'mixed',
  ops_skills: 'basic',
  infra_preference: 'either',
  avg_write_mbps: 5,
  peak_write_mbps: 10,
  avg_record_kb: 2,
  consumer_groups: 2,
  retention_days: 7,
  availability_zones: 'three',
  where_you_run: 'mostly_aws',
  kafka_usage: ['none'],
  kafka_api_need: 'no',
  time_to_production: 'no_rush',
  kafka_dev_experience: 'basics',
  oncall_rotation: 'business_hours',
  platform_team: 'a_few',
  kafka_ops_experience: 'under_a_year',
  upgrade_appetite: 'vendor',
  dedicated_engineers: 'part_of_one',
  monitoring_maturity: 'basic',
  downtime_cost: 'annoyed_users',
  incident_history: 'some_painful',
  data_rules: ['none'],
  streaming_is_product: 'internal',
  speed_is_feature: 'matters',
  deploy_anywhere: 'no',
  infra_cost_margin: 'somewhat',
  tunability: 'some',
};

/** Answer sets as a team's, each person named U0, U1, … in the order given. */
export function respondents(...people: Answers[]): { userId: string; answers: Answers }[] {
  return people.map((answers, index) => ({ userId: `U${index}`, answers }));
}

export function answersFor(overrides: Answers = {}): Answers {
  return { ...NEUTRAL_ANSWERS, ...overrides };
}

/** A strong distributed-systems team selling a streaming product to enterprises who choose where data lives. */
export const STREAMING_IS_THE_PRODUCT: Answers = answersFor({
  company_size: 'eng_251_plus',
  company_stage: 'profitable',
  engineering_practice: 'distributed_systems',
  ops_skills: 'deep',
  infra_preference: 'own_servers',
  avg_write_mbps: 300,
  peak_write_mbps: 450,
  avg_record_kb: 1,
  consumer_groups: 12,
  retention_days: 30,
  where_you_run: 'mostly_aws',
  kafka_api_need: 'nice',
  kafka_dev_experience: 'built_clusters',
  oncall_rotation: 'yes',
  platform_team: 'dedicated_team',
  kafka_ops_experience: 'one_to_three_years',
  upgrade_appetite: 'us',
  dedicated_engineers: 'three_plus',
  monitoring_maturity: 'strong',
  downtime_cost: 'lost_revenue',
  incident_history: 'rare_and_short',
  data_rules: ['customer_environment'],
  streaming_is_product: 'core',
  speed_is_feature: 'yes',
  deploy_anywhere: 'yes',
  infra_cost_margin: 'yes',
  tunability: 'every_layer',
});

/** A small seed-stage app team on AWS with no one to run infrastructure and a few MB/s of spiky traffic. */
export const WEB_APP_SHOP_ON_AWS: Answers = answersFor({
  company_size: 'eng_1_10',
  company_stage: 'seed',
  engineering_practice: 'web_app',
  ops_skills: 'little',
  infra_preference: 'managed_services',
  avg_write_mbps: 2,
  peak_write_mbps: 8,
  avg_record_kb: 1,
  consumer_groups: 2,
  retention_days: 3,
  where_you_run: 'aws_only',
  kafka_usage: ['none'],
  kafka_api_need: 'no',
  time_to_production: 'weeks',
  kafka_dev_experience: 'none',
  oncall_rotation: 'no',
  platform_team: 'none',
  kafka_ops_experience: 'never',
  upgrade_appetite: 'vendor',
  dedicated_engineers: 'none',
  monitoring_maturity: 'basic',
  downtime_cost: 'lost_revenue',
  incident_history: 'nothing_self_run',
  streaming_is_product: 'internal',
  speed_is_feature: 'no',
  deploy_anywhere: 'no',
  infra_cost_margin: 'no',
  tunability: 'defaults',
});

/** A mid-size AWS shop already on Kafka clients and Connect, with some ops capacity but no 24/7 Kafka expertise. */
export const AWS_SHOP_WANTING_KAFKA: Answers = answersFor({
  company_size: 'eng_51_250',
  ops_skills: 'solid',
  avg_write_mbps: 20,
  peak_write_mbps: 40,
  consumer_groups: 4,
  where_you_run: 'aws_only',
  kafka_usage: ['clients', 'connect'],
  kafka_api_need: 'nice',
  time_to_production: 'quarter',
  kafka_dev_experience: 'basics',
  oncall_rotation: 'business_hours',
  platform_team: 'a_few',
  kafka_ops_experience: 'under_a_year',
  upgrade_appetite: 'vendor',
  dedicated_engineers: 'part_of_one',
  downtime_cost: 'lost_revenue',
});

/**
 * An ordinary teammate who says streaming is what customers pay for, sold on speed and tuned at every layer: the
 * "Streaming is the product" row as strong as one person can make it.
 */
export const SELLS_STREAMING: Answers = answersFor({
  streaming_is_product: 'core',
  speed_is_feature: 'yes',
  tunability: 'every_layer',
});

/**
 * An ordinary teammate whose customers decide where the stream runs, some inside their own environment, with
 * infrastructure cost shaping the margin: the "Deploy anywhere" row as strong as one person can make it on AWS.
 */
export const DEPLOYS_ANYWHERE: Answers = answersFor({
  deploy_anywhere: 'yes',
  data_rules: ['customer_environment'],
  infra_cost_margin: 'yes',
});
