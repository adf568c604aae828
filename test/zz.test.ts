import { it } from 'vitest';
import { ALL_QUESTIONS, scoreAnswers } from '../src/domain/index.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from './domain/fixtures.js';

const VET = answersFor({
  company_size: 'eng_251_plus',
  company_stage: 'enterprise',
  engineering_practice: 'distributed_systems',
  ops_skills: 'deep',
  infra_preference: 'own_servers',
  avg_write_mbps: 200,
  peak_write_mbps: 300,
  avg_record_kb: 1,
  consumer_groups: 4,
  retention_days: 7,
  where_you_run: 'aws_only',
  kafka_usage: ['none'],
  kafka_api_need: 'no',
  kafka_dev_experience: 'built_clusters',
  oncall_rotation: 'yes',
  platform_team: 'dedicated_team',
  kafka_ops_experience: 'many_years',
  upgrade_appetite: 'us',
  dedicated_engineers: 'three_plus',
  monitoring_maturity: 'strong',
  downtime_cost: 'lost_revenue',
  incident_history: 'rare_and_short',
  streaming_is_product: 'internal',
});
const STARTUP = answersFor({
  company_size: 'eng_1_10',
  company_stage: 'seed',
  engineering_practice: 'web_app',
  ops_skills: 'basic',
  infra_preference: 'either',
  oncall_rotation: 'no',
  platform_team: 'none',
  kafka_ops_experience: 'never',
  dedicated_engineers: 'none',
  monitoring_maturity: 'basic',
  avg_write_mbps: 1,
  peak_write_mbps: 3,
});
const HOBBY = answersFor({
  company_size: 'eng_1_10',
  company_stage: 'prototype',
  avg_write_mbps: 0.01,
  peak_write_mbps: 0.05,
  avg_record_kb: 1,
  consumer_groups: 1,
  retention_days: 1,
  availability_zones: 'one',
  downtime_cost: 'little',
  oncall_rotation: 'no',
  platform_team: 'none',
  kafka_ops_experience: 'never',
});
const dk = answersFor();
for (const q of ALL_QUESTIONS)
  if (q.kind !== 'number' && q.options.some((o) => o.dontKnow))
    dk[q.id] = q.kind === 'multi' ? ['dont_know'] : 'dont_know';
const cases: [string, any][] = [
  ['vet', VET],
  ['vet clients', { ...VET, kafka_usage: ['clients'] }],
  ['40 readers', answersFor({ consumer_groups: 40 })],
  ['0.1KB 1GB', answersFor({ avg_write_mbps: 1000, peak_write_mbps: 1000, avg_record_kb: 0.1 })],
  ['4MB', answersFor({ avg_record_kb: 4096 })],
  ['20MB', answersFor({ avg_record_kb: 20480 })],
  ['365d 50MB', answersFor({ avg_write_mbps: 50, peak_write_mbps: 100, retention_days: 365 })],
  ['not aws', answersFor({ where_you_run: 'not_aws' })],
  ['hobby', HOBBY],
  ['startup', STARTUP],
  ['web', WEB_APP_SHOP_ON_AWS],
  ['awskafka', AWS_SHOP_WANTING_KAFKA],
  ['stream', STREAMING_IS_THE_PRODUCT],
  ['must kafka', answersFor({ kafka_api_need: 'must' })],
  ['400d', answersFor({ retention_days: 400 })],
  ['dk', dk],
  [
    'serverless near',
    { ...AWS_SHOP_WANTING_KAFKA, avg_write_mbps: 150, peak_write_mbps: 180, consumer_groups: 2 },
  ],
  [
    'aws vet',
    {
      ...AWS_SHOP_WANTING_KAFKA,
      kafka_ops_experience: 'many_years',
      oncall_rotation: 'yes',
      platform_team: 'dedicated_team',
      monitoring_maturity: 'strong',
    },
  ],
  [
    'ent severe',
    answersFor({
      company_size: 'eng_251_plus',
      company_stage: 'enterprise',
      downtime_cost: 'severe',
      kafka_ops_experience: 'never',
    }),
  ],
  ['2GB', answersFor({ avg_write_mbps: 2000, peak_write_mbps: 2000, avg_record_kb: 10 })],
  [
    'many readers big',
    answersFor({ avg_write_mbps: 300, peak_write_mbps: 400, consumer_groups: 30, retention_days: 3 }),
  ],
];
it('x', () => {
  for (const [n, a] of cases) {
    const v = scoreAnswers(a);
    const cheapest = v.cost?.options
      .filter((o) => o.available)
      .sort((x: any, y: any) => x.totalUsd - y.totalUsd)
      .slice(0, 3)
      .map((o: any) => `${o.option}=${Math.round(o.totalUsd)}`)
      .join(' ');
    console.log(
      `R ${n} | ${v.recommendation} ${v.confidence} | ${v.confidenceReason} | ${v.costSentence ?? ''} | flip: ${v.flip?.sentence ?? '-'} | ${cheapest}`,
    );
  }
});
