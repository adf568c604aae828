/**
 * The questionnaire as data. Question and option ids are stored with people's answers, so they never change;
 * prompts, help and signals may be reworded or re-weighted freely.
 *
 * Points use a small scale: 1 a nudge, 2 a real lean, 3 a strong lean, 5 reserved for the deciding factors.
 * Number questions and the zones question feed the cost estimate (cost.ts); the thresholds that turn numbers into
 * signals and hard limits live in scoring.ts.
 */
import type { ChoiceOption, Platform, Question, RoughRange, Signal, SignalTarget, Step } from './types.js';

/** One reason leaning one row toward one or more platforms. */
function lean(target: SignalTarget, points: Partial<Record<Platform, number>>, reason: string): Signal[] {
  return Object.entries(points).map(([toward, value]) => ({
    target,
    toward: toward as Platform,
    points: value,
    reason,
  }));
}

/**
 * Rough ranges for a throughput in MB/s. Each is priced at its geometric middle, rounded: the figure an order of
 * magnitude most likely sits near. The bounds match the thresholds in scoring.ts (100 and 1,000 MB/s peaks).
 */
function throughputRanges(prefix: string): RoughRange[] {
  return [
    { id: `${prefix}_under_1`, label: 'under 1', low: 0.01, high: 1, pricedAt: 0.1 },
    { id: `${prefix}_1_10`, label: '1 to 10', low: 1, high: 10, pricedAt: 3.2 },
    { id: `${prefix}_10_100`, label: '10 to 100', low: 10, high: 100, pricedAt: 32 },
    { id: `${prefix}_100_1000`, label: '100 to 1,000', low: 100, high: 1000, pricedAt: 320 },
    { id: `${prefix}_over_1000`, label: 'more than 1,000', low: 1000, high: 100_000, pricedAt: 10_000 },
  ];
}

const DONT_KNOW: ChoiceOption = { id: 'dont_know', short: "don't know", label: "Don't know", dontKnow: true };

const AWS_ONLY_REASON = 'Kinesis and MSK exist only on AWS';

export const STEPS: Step[] = [
  {
    id: 'team_profile',
    title: 'Team profile',
    intro: 'Who you are often settles this before any workload number does.',
    questions: [
      {
        id: 'company_size',
        short: 'company size',
        kind: 'single',
        prompt: 'How many engineers work at the company?',
        help: 'Small teams feel every hour spent on infrastructure; large ones can afford specialists.',
        options: [
          {
            id: 'eng_1_10',
            label: '1 to 10',
            signals: lean(
              'ops_people',
              { kinesis: 2, msk: 1 },
              'a team of ten or fewer has no one to spare for a cluster',
            ),
          },
          {
            id: 'eng_11_50',
            label: '11 to 50',
            signals: lean(
              'ops_people',
              { kinesis: 1 },
              'a team of fifty or fewer feels every hour of cluster work',
            ),
          },
          { id: 'eng_51_250', label: '51 to 250' },
          {
            id: 'eng_251_plus',
            label: '251 or more',
            signals: lean('ops_people', { kafka: 1 }, 'a company this size can staff a platform team'),
          },
        ],
      },
      {
        id: 'company_stage',
        short: 'company stage',
        kind: 'single',
        prompt: 'What stage is the company at, and how is it funded?',
        help: 'Early, lightly funded companies need something that works today more than something tuned for later.',
        options: [
          {
            id: 'prototype',
            short: 'prototype',
            label: 'Idea or prototype, little or no funding',
            signals: [
              ...lean('setup', { kinesis: 2, msk: 1 }, 'a prototype needs a stream that works today'),
              ...lean('ops_people', { kinesis: 1 }, 'a prototype cannot pay for people to run a cluster'),
            ],
          },
          {
            id: 'seed',
            short: 'seed-funded',
            label: 'Seed-funded startup',
            signals: [
              ...lean('setup', { kinesis: 1 }, 'a seed-stage team has no weeks to spend building a cluster'),
              ...lean(
                'ops_people',
                { kinesis: 1 },
                'a seed-stage team has no hands to spare for cluster work',
              ),
            ],
          },
          { id: 'growth', short: 'venture-backed', label: 'Venture-backed and growing' },
          { id: 'profitable', short: 'profitable or self-funded', label: 'Profitable or self-funded' },
          { id: 'enterprise', short: 'large enterprise', label: 'Large enterprise or public company' },
          DONT_KNOW,
        ],
      },
      {
        id: 'engineering_practice',
        short: 'kind of engineering',
        kind: 'single',
        prompt: 'What kind of engineering does your team mostly do?',
        help: 'Teams that build distributed systems pick up Kafka fast; app teams pay a steep learning curve.',
        options: [
          {
            id: 'distributed_systems',
            short: 'distributed systems',
            label: 'Distributed systems, data platforms or infrastructure',
            signals: [
              ...lean('setup', { kafka: 2 }, 'the team builds distributed systems for a living'),
              ...lean('incident_risk', { kafka: 1 }, 'the team already runs other heavy distributed systems'),
            ],
          },
          { id: 'mixed', short: 'a mix', label: 'A mix of product and infrastructure work' },
          {
            id: 'web_app',
            short: 'web and app',
            label: 'Web, mobile, bot or app development',
            signals: [
              ...lean('setup', { kinesis: 2 }, 'the team builds apps, not infrastructure'),
              ...lean('ops_people', { kinesis: 1 }, 'the team builds apps, not infrastructure'),
            ],
          },
        ],
      },
      {
        id: 'ops_skills',
        short: 'Linux and ops skills',
        kind: 'single',
        prompt: 'How deep are the team’s Linux and operations skills?',
        help: 'Running Kafka means tuning disks, memory, networks and the JVM on servers you own.',
        options: [
          {
            id: 'deep',
            short: 'deep',
            opsSupport: true,
            label: 'Deep: we tune kernels, disks and networks',
            signals: lean('setup', { kafka: 2 }, 'the team has deep Linux and operations skills'),
          },
          {
            id: 'solid',
            short: 'solid',
            label: 'Solid: we run our own servers comfortably',
            signals: lean('setup', { kafka: 1 }, 'the team runs its own servers comfortably'),
          },
          {
            id: 'basic',
            short: 'basic',
            label: 'Basic: we deploy to servers but avoid deep tuning',
            signals: lean('setup', { kinesis: 1, msk: 1 }, 'the team avoids deep server tuning'),
          },
          {
            id: 'little',
            short: 'little',
            label: 'Little: we rely on managed platforms',
            signals: [
              ...lean('setup', { kinesis: 2, msk: 1 }, 'nobody on the team is at home on a Linux server'),
              ...lean('incident_risk', { kinesis: 1 }, 'nobody on the team is at home on a Linux server'),
            ],
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'infra_preference',
        short: 'preferred way to run infrastructure',
        kind: 'single',
        prompt: 'Given the choice, how does the team like to run infrastructure?',
        help: 'Some teams would rather configure Linux boxes; others would rather call a managed service’s API.',
        options: [
          {
            id: 'own_servers',
            short: 'own Linux servers',
            opsSupport: true,
            label: 'On our own Linux servers, configured our way',
            signals: [
              ...lean('setup', { kafka: 1 }, 'the team prefers its own Linux servers to vendor APIs'),
              ...lean('ops_people', { kafka: 1 }, 'the team prefers its own Linux servers to vendor APIs'),
            ],
          },
          { id: 'either', short: 'no preference', label: 'No strong preference' },
          {
            id: 'managed_services',
            short: 'managed services',
            label: 'Managed services with an API, like RDS, SQS or SendGrid',
            signals: [
              ...lean('setup', { kinesis: 2, msk: 1 }, 'the team reaches for managed services first'),
              ...lean('ops_people', { kinesis: 1, msk: 1 }, 'the team reaches for managed services first'),
            ],
          },
          DONT_KNOW,
        ],
      },
    ],
  },
  {
    id: 'workload',
    title: 'Workload',
    intro:
      'Rough numbers are fine: the right order of magnitude is enough to tell the platforms apart. Not sure? Pick a rough range or “Don’t know” under a field instead.',
    questions: [
      {
        id: 'avg_write_mbps',
        fact: true,
        short: 'average writes',
        kind: 'number',
        prompt: 'On average, how much data will be written to the stream?',
        help: 'Kinesis bills by shard and use, Kafka by machine, so volume decides which bill is smaller.',
        unit: 'MB/s',
        min: 0.01,
        max: 100_000,
        integer: false,
        ranges: throughputRanges('avg'),
        typical: 1,
      },
      {
        id: 'peak_write_mbps',
        fact: true,
        short: 'peak writes',
        kind: 'number',
        prompt: 'At the busiest minute, how much data is written?',
        help: 'A cluster you run must be sized for the peak; pay-per-use capacity follows the average.',
        unit: 'MB/s',
        min: 0.01,
        max: 100_000,
        integer: false,
        ranges: throughputRanges('peak'),
        typical: 5,
      },
      {
        id: 'avg_record_kb',
        fact: true,
        short: 'record size',
        kind: 'number',
        prompt: 'How big is a typical record?',
        help: 'Kinesis takes records up to 10 MiB (1 MiB unless raised) and counts small ones against a per-shard limit; over 10 MiB, payloads usually go to S3 with a pointer in the stream.',
        unit: 'KB',
        min: 0.1,
        max: 102_400,
        integer: false,
        // Split at Kinesis's 10 MiB maximum, so "more than 10 MiB" rules Kinesis out as the number would.
        ranges: [
          { id: 'record_under_1kb', label: 'under 1', low: 0.1, high: 1, pricedAt: 0.32 },
          { id: 'record_1_10kb', label: '1 to 10', low: 1, high: 10, pricedAt: 3.2 },
          { id: 'record_10_100kb', label: '10 to 100', low: 10, high: 100, pricedAt: 32 },
          { id: 'record_100kb_1mib', label: '100 to 1,024 (1 MiB)', low: 100, high: 1024, pricedAt: 320 },
          { id: 'record_1_10mib', label: '1 to 10 MiB', low: 1024, high: 10_240, pricedAt: 3200 },
          {
            id: 'record_over_10mib',
            label: 'more than 10 MiB',
            low: 10_240,
            high: 102_400,
            pricedAt: 32_000,
          },
        ],
        typical: 1,
      },
      {
        id: 'consumer_groups',
        fact: true,
        short: 'reading services',
        kind: 'number',
        prompt: 'How many separate services will read every record?',
        help: 'Each Kinesis shard shares its read capacity among readers; Kafka serves many readers cheaply.',
        unit: 'consumer groups',
        min: 1,
        max: 500,
        integer: true,
        // Split where Kinesis's shared reads start to crowd (more than 5, more than 20; see scoring.ts).
        ranges: [
          { id: 'readers_1', label: 'one', low: 1, high: 1, pricedAt: 1 },
          { id: 'readers_2_5', label: '2 to 5', low: 2, high: 5, pricedAt: 3 },
          { id: 'readers_6_20', label: '6 to 20', low: 6, high: 20, pricedAt: 11 },
          { id: 'readers_21_100', label: '21 to 100', low: 21, high: 100, pricedAt: 46 },
          { id: 'readers_over_100', label: 'more than 100', low: 101, high: 500, pricedAt: 220 },
        ],
        typical: 2,
      },
      {
        id: 'retention_days',
        fact: true,
        short: 'days kept',
        kind: 'number',
        prompt: 'How many days must records stay readable?',
        help: 'Kinesis keeps records for at most a year; Kafka keeps them as long as you give it storage.',
        unit: 'days',
        min: 1,
        max: 3650,
        integer: true,
        // Split at Kinesis's 365-day maximum, so "more than 365" rules Kinesis out as the number would.
        ranges: [
          { id: 'days_1', label: 'one', low: 1, high: 1, pricedAt: 1 },
          { id: 'days_2_7', label: '2 to 7', low: 2, high: 7, pricedAt: 4 },
          { id: 'days_8_30', label: '8 to 30', low: 8, high: 30, pricedAt: 15 },
          { id: 'days_31_365', label: '31 to 365', low: 31, high: 365, pricedAt: 106 },
          { id: 'days_over_365', label: 'more than 365', low: 366, high: 3650, pricedAt: 1150 },
        ],
        typical: 7,
      },
      {
        id: 'availability_zones',
        fact: true,
        short: 'zones',
        kind: 'single',
        prompt:
          'Across how many AWS availability zones (separate data centres) must the stream keep running?',
        help: 'Three zones survive losing a data centre; a cluster you run yourselves pays for every copy sent between zones.',
        options: [
          {
            id: 'one',
            short: 'one',
            label: 'One: an outage of that zone may stop the stream',
            signals: lean(
              'incident_risk',
              { kinesis: 1, msk: 1 },
              'a cluster you run in one zone stops when that zone does, while AWS spreads Kinesis and MSK over several',
            ),
          },
          { id: 'two', short: 'two', label: 'Two' },
          { id: 'three', short: 'three', label: 'Three, the usual for production' },
          DONT_KNOW,
        ],
      },
    ],
  },
  {
    id: 'setup',
    title: 'Setup',
    intro: 'Where you run, what you already have and how soon you need it decide how much there is to build.',
    questions: [
      {
        id: 'where_you_run',
        fact: true,
        short: 'where you run',
        kind: 'single',
        prompt: 'Where do the systems that will use the stream run?',
        help: 'Kinesis and MSK are AWS services: they cannot follow you anywhere else.',
        options: [
          {
            id: 'aws_only',
            short: 'all on AWS',
            label: 'All in on AWS',
            signals: lean('setup', { kinesis: 1, msk: 1 }, 'everything else already runs in AWS'),
          },
          { id: 'mostly_aws', short: 'mostly AWS', label: 'Mostly on AWS, with a few pieces elsewhere' },
          {
            id: 'also_outside_aws',
            short: 'AWS and elsewhere',
            label: 'On AWS, but it must also run elsewhere or on-premises',
            constraint: {
              excludes: ['kinesis', 'msk'],
              reason: `the stream must also run outside AWS, and ${AWS_ONLY_REASON}`,
            },
            signals: lean('versatile_deployment', { kafka: 3 }, 'the stream must also run outside AWS'),
          },
          {
            id: 'not_aws',
            short: 'not on AWS',
            label: 'Not on AWS',
            constraint: {
              excludes: ['kinesis', 'msk'],
              reason: `you do not run on AWS, and ${AWS_ONLY_REASON}`,
            },
          },
        ],
      },
      {
        id: 'kafka_usage',
        fact: true,
        short: 'Kafka already in use',
        kind: 'multi',
        prompt: 'Which parts of Kafka do you already use?',
        help: 'Code written for Kafka keeps working on MSK or your own cluster; Kinesis would mean rewriting it.',
        options: [
          {
            id: 'clients',
            short: 'Kafka clients',
            label: 'Services that produce or consume with Kafka clients',
            signals: [
              ...lean(
                'setup',
                { msk: 6, kafka: 3 },
                'your services already talk to Kafka, so nothing is rewritten',
              ),
              ...lean('ops_people', { msk: 1, kafka: 1 }, 'the team already knows how Kafka clients behave'),
              ...lean(
                'incident_risk',
                { msk: 2, kafka: 1 },
                'rewriting working Kafka clients invites new bugs',
              ),
            ],
          },
          {
            id: 'connect',
            short: 'Kafka Connect',
            label: 'Kafka Connect connectors',
            signals: [
              ...lean('setup', { msk: 5, kafka: 3 }, 'your data already flows through Kafka Connect'),
              ...lean(
                'ops_people',
                { msk: 2, kafka: 1 },
                'MSK Connect can run the connectors you already have',
              ),
              ...lean('incident_risk', { msk: 1, kafka: 1 }, 'replacing working connectors invites new bugs'),
            ],
          },
          {
            id: 'streams',
            short: 'Kafka Streams',
            label: 'Kafka Streams or ksqlDB applications',
            signals: [
              ...lean('setup', { msk: 5, kafka: 3 }, 'your Kafka Streams apps have no Kinesis equivalent'),
              ...lean('ops_people', { msk: 1, kafka: 1 }, 'the team already runs Kafka Streams apps'),
              ...lean(
                'incident_risk',
                { msk: 2, kafka: 1 },
                'rewriting stream-processing apps invites new bugs',
              ),
            ],
          },
          {
            id: 'none',
            short: 'none',
            label: 'None of these',
            exclusive: true,
            signals: lean('setup', { kinesis: 1 }, 'there is no Kafka code to keep'),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'kafka_api_need',
        fact: true,
        short: 'need for the Kafka API',
        kind: 'single',
        prompt: 'Must the stream speak the Kafka API, so you can change providers later?',
        help: 'The Kafka API runs on MSK, your own cluster or other vendors; the Kinesis API runs only on AWS.',
        options: [
          {
            id: 'must',
            short: 'must speak Kafka',
            label: 'Yes, it must speak Kafka',
            constraint: {
              excludes: ['kinesis'],
              reason: 'the stream must speak the Kafka API, and Kinesis has its own',
            },
            signals: lean('setup', { msk: 2, kafka: 1 }, 'the stream must speak the Kafka API'),
          },
          {
            id: 'nice',
            short: 'nice to have',
            label: 'It would be nice',
            signals: lean('setup', { msk: 2, kafka: 1 }, 'you would like to keep the Kafka API'),
          },
          {
            id: 'no',
            short: 'any API will do',
            label: 'No, any API will do',
            signals: lean('setup', { kinesis: 1 }, 'any API will do, so nothing ties you to Kafka'),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'time_to_production',
        short: 'time to production',
        kind: 'single',
        prompt: 'How soon must this be in production?',
        help: 'A first production-ready Kafka cluster takes weeks to build; a Kinesis stream takes hours.',
        options: [
          {
            id: 'weeks',
            short: 'within weeks',
            label: 'Within a few weeks',
            signals: lean('setup', { kinesis: 3, msk: 1 }, 'it must be in production within weeks'),
          },
          {
            id: 'quarter',
            short: 'within three months',
            label: 'Within about three months',
            signals: lean('setup', { kinesis: 1 }, 'it must be in production this quarter'),
          },
          { id: 'no_rush', short: 'no fixed date', label: 'No fixed date' },
          DONT_KNOW,
        ],
      },
      {
        id: 'kafka_dev_experience',
        short: 'Kafka developer experience',
        kind: 'single',
        prompt: 'How well does the team know Kafka as developers?',
        help: 'Knowing topics, partitions and consumer groups shortens the path to production on any Kafka.',
        options: [
          {
            id: 'none',
            short: 'none',
            label: 'Not at all',
            signals: lean('setup', { kinesis: 2 }, 'nobody on the team has worked with Kafka'),
          },
          {
            id: 'basics',
            short: 'the basics',
            label: 'We know the basics: topics, partitions, consumer groups',
            signals: lean('setup', { msk: 1 }, 'the team knows the Kafka basics'),
          },
          {
            id: 'built_clusters',
            short: 'built production clusters',
            label: 'Some of us have built production Kafka clusters',
            signals: lean('setup', { kafka: 2 }, 'people on the team have built production Kafka clusters'),
          },
          DONT_KNOW,
        ],
      },
    ],
  },
  {
    id: 'running_it',
    title: 'Running it (people)',
    intro: 'Someone has to keep the stream healthy at 3 a.m.; these questions ask who that would be.',
    questions: [
      {
        id: 'oncall_rotation',
        short: 'on-call today',
        kind: 'single',
        prompt: 'Does the team run a 24-hour on-call rotation today?',
        help: 'A cluster you run yourselves needs someone who can answer a page at any hour.',
        options: [
          {
            id: 'yes',
            short: '24-hour rotation',
            opsSupport: true,
            label: 'Yes, someone is always on call',
            signals: [
              ...lean('ops_people', { kafka: 1 }, 'someone is already on call around the clock'),
              ...lean('incident_risk', { kafka: 1 }, 'someone is already on call around the clock'),
            ],
          },
          {
            id: 'business_hours',
            short: 'working hours only',
            label: 'Only during working hours',
            signals: lean('ops_people', { kinesis: 1, msk: 1 }, 'nobody is on call outside working hours'),
          },
          {
            id: 'no',
            short: 'none',
            label: 'No on-call at all',
            signals: [
              ...lean('ops_people', { kinesis: 2, msk: 1 }, 'nobody is on call today'),
              ...lean('incident_risk', { kinesis: 1, msk: 1 }, 'nobody is on call today'),
            ],
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'platform_team',
        short: 'SRE or platform team',
        kind: 'single',
        prompt: 'Do you have SRE or platform engineers?',
        help: 'Patching, scaling and replacing broken machines falls to them when you run the cluster.',
        options: [
          {
            id: 'dedicated_team',
            short: 'a dedicated team',
            opsSupport: true,
            label: 'Yes, a dedicated SRE or platform team',
            signals: lean('ops_people', { kafka: 1 }, 'a dedicated SRE or platform team is in place'),
          },
          {
            id: 'a_few',
            short: 'one or two, part time',
            label: 'One or two people, part time',
            signals: lean('ops_people', { msk: 1 }, 'platform work is a part-time job for one or two people'),
          },
          {
            id: 'none',
            short: 'none',
            label: 'No, developers handle it',
            signals: lean('ops_people', { kinesis: 2, msk: 1 }, 'there is no SRE or platform team'),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'kafka_ops_experience',
        short: 'Kafka ops experience',
        kind: 'single',
        prompt: 'How long has anyone on the team kept Kafka running in production?',
        help: 'Experience running Kafka is the biggest single cut to both the workload and the risk.',
        options: [
          {
            id: 'never',
            short: 'never',
            label: 'Never',
            signals: [
              ...lean('ops_people', { kinesis: 2 }, 'nobody on the team has run Kafka in production'),
              ...lean(
                'incident_risk',
                { kinesis: 2, msk: 1 },
                'nobody on the team has run Kafka in production',
              ),
            ],
          },
          {
            id: 'under_a_year',
            short: 'under a year',
            label: 'Less than a year',
            signals: [
              ...lean('ops_people', { kinesis: 1 }, 'the team has run Kafka for less than a year'),
              ...lean('incident_risk', { kinesis: 1 }, 'the team has run Kafka for less than a year'),
            ],
          },
          {
            id: 'one_to_three_years',
            short: 'one to three years',
            kafkaExperience: 0.1,
            label: 'One to three years',
            signals: [
              ...lean('ops_people', { kafka: 1 }, 'the team has run Kafka in production for years'),
              ...lean('incident_risk', { kafka: 1 }, 'the team has run Kafka in production for years'),
            ],
          },
          {
            id: 'many_years',
            short: 'many years, at scale',
            kafkaExperience: 1,
            label: 'Many years, at scale',
            signals: [
              ...lean('ops_people', { kafka: 2 }, 'the team has run Kafka at scale for many years'),
              ...lean(
                'incident_risk',
                { kafka: 2, msk: 1 },
                'the team has run Kafka at scale for many years',
              ),
            ],
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'upgrade_appetite',
        short: 'owner of upgrades',
        kind: 'single',
        prompt: 'Who should own upgrades, security patches and broken disks?',
        help: 'With your own cluster, every upgrade and failed disk is your team’s job.',
        options: [
          {
            id: 'us',
            short: 'us',
            label: 'We are happy to own them',
            signals: lean('ops_people', { kafka: 1 }, 'the team is happy to own upgrades and patches'),
          },
          {
            id: 'vendor',
            short: 'a vendor',
            label: 'We would rather a vendor did',
            signals: lean(
              'ops_people',
              { kinesis: 2, msk: 2 },
              'the team would rather a vendor owned upgrades and patches',
            ),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'dedicated_engineers',
        short: 'engineers free for the stream',
        kind: 'single',
        prompt: 'How many engineers could spend most of their time on the stream?',
        help: 'A self-run cluster costs people, not just machines: often more than the machines do.',
        options: [
          {
            id: 'none',
            short: 'none',
            label: 'None',
            signals: lean('ops_people', { kinesis: 3, msk: 1 }, 'no engineer can be spared to run it'),
          },
          {
            id: 'part_of_one',
            short: 'part of one person',
            label: 'Part of one person’s time',
            signals: lean(
              'ops_people',
              { kinesis: 1, msk: 1 },
              'only part of one person’s time is free for it',
            ),
          },
          {
            id: 'one_or_two',
            short: 'one or two',
            label: 'One or two',
            signals: lean('ops_people', { kafka: 1 }, 'one or two engineers could look after it'),
          },
          {
            id: 'three_plus',
            short: 'three or more',
            label: 'Three or more',
            signals: lean('ops_people', { kafka: 2 }, 'three or more engineers could own it'),
          },
          DONT_KNOW,
        ],
      },
    ],
  },
  {
    id: 'risk',
    title: 'Risk',
    intro:
      'Outages and lost data cost more than any invoice, and they are most likely while a team is learning.',
    questions: [
      {
        id: 'monitoring_maturity',
        short: 'monitoring and alerting',
        kind: 'single',
        prompt: 'How good are your monitoring and alerting today?',
        help: 'A cluster you run fails quietly unless dashboards, alerts and runbooks catch it.',
        options: [
          {
            id: 'strong',
            short: 'strong',
            opsSupport: true,
            label: 'Strong: dashboards, alerts and runbooks for all we run',
            signals: lean(
              'incident_risk',
              { kafka: 2, msk: 1 },
              'monitoring, alerting and runbooks are already strong',
            ),
          },
          { id: 'basic', short: 'basic', label: 'Basic: some dashboards and alerts' },
          {
            id: 'little',
            short: 'little or none',
            label: 'Little or none',
            signals: lean('incident_risk', { kinesis: 2, msk: 1 }, 'monitoring and alerting are thin'),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'downtime_cost',
        short: 'cost of an hour down',
        kind: 'single',
        prompt: 'What would an hour with the stream down cost you?',
        help: 'The more an outage costs, the less you can afford to learn on the job.',
        options: [
          {
            id: 'little',
            short: 'little',
            label: 'Little: we would catch up afterwards',
            signals: lean('incident_risk', { kafka: 1 }, 'an hour down would simply be caught up afterwards'),
          },
          { id: 'annoyed_users', short: 'annoyed users', label: 'Annoyed users, but no lost money' },
          {
            id: 'lost_revenue',
            short: 'lost revenue',
            label: 'Lost revenue or broken promises to customers',
            signals: lean('incident_risk', { kinesis: 2, msk: 1 }, 'an hour down loses revenue'),
          },
          {
            id: 'severe',
            short: 'severe',
            label: 'Severe: contracts, safety or regulators',
            signals: lean(
              'incident_risk',
              { kinesis: 3, msk: 1 },
              'an hour down has contractual or legal consequences',
            ),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'incident_history',
        short: 'outage history',
        kind: 'single',
        prompt: 'How have outages of infrastructure you run yourselves gone?',
        help: 'Past incidents on your own systems are the best guide to incidents on a new cluster.',
        options: [
          {
            id: 'rare_and_short',
            short: 'rare and short',
            label: 'Rare, and fixed quickly',
            signals: lean('incident_risk', { kafka: 1 }, 'outages of your own systems are rare and short'),
          },
          {
            id: 'some_painful',
            short: 'a few painful ones',
            label: 'A few painful ones',
            signals: lean(
              'incident_risk',
              { kinesis: 1, msk: 1 },
              'your own systems have had painful outages',
            ),
          },
          {
            id: 'frequent',
            short: 'frequent or long',
            label: 'Frequent or long',
            signals: lean(
              'incident_risk',
              { kinesis: 2, msk: 1 },
              'your own systems have had frequent or long outages',
            ),
          },
          {
            id: 'nothing_self_run',
            short: 'nothing run ourselves',
            label: 'We run no infrastructure ourselves',
            signals: lean(
              'incident_risk',
              { kinesis: 2, msk: 1 },
              'the team has never run its own infrastructure',
            ),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'data_rules',
        fact: true,
        short: 'data rules',
        kind: 'multi',
        prompt: 'Which rules apply to where data lives or how it is audited?',
        help: 'Some rules AWS already covers for you; others mean running the stream where customers say.',
        options: [
          { id: 'region', short: 'data residency', label: 'Data must stay in certain countries or regions' },
          {
            id: 'customer_environment',
            short: 'inside customers’ environments',
            label: 'Some customers need it inside their own environment',
            signals: lean(
              'versatile_deployment',
              { kafka: 3 },
              'some customers need the data inside their own environment',
            ),
          },
          {
            id: 'audited',
            short: 'audited standards',
            label: 'Audited standards such as SOC 2, HIPAA or PCI',
            signals: lean(
              'setup',
              { kinesis: 1, msk: 1 },
              'AWS already holds the audits for its managed services',
            ),
          },
          { id: 'none', short: 'none', label: 'No special rules', exclusive: true },
          DONT_KNOW,
        ],
      },
    ],
  },
  {
    id: 'priorities',
    title: 'What matters most',
    intro: 'These can outweigh cost and risk altogether.',
    questions: [
      {
        id: 'streaming_is_product',
        short: 'streaming is the product',
        kind: 'single',
        prompt: 'Is event streaming part of what you sell?',
        help: 'When streaming is the product, control over every layer can be worth its cost.',
        options: [
          {
            id: 'core',
            short: 'yes',
            label: 'Yes, streaming is what customers pay for',
            signals: lean('streaming_product', { kafka: 5 }, 'event streaming is what you sell'),
          },
          {
            id: 'part',
            short: 'partly',
            label: 'Partly: it powers a feature customers see',
            signals: lean('streaming_product', { kafka: 2 }, 'streaming powers a feature customers see'),
          },
          { id: 'internal', short: 'no, internal plumbing', label: 'No, it is plumbing for our own systems' },
          DONT_KNOW,
        ],
      },
      {
        id: 'speed_is_feature',
        short: 'speed is sold',
        kind: 'single',
        prompt: 'Is speed (throughput or latency) something customers pay you for?',
        help: 'Every option is fast enough for most uses; only speed you sell justifies deep tuning.',
        options: [
          {
            id: 'yes',
            short: 'yes',
            label: 'Yes, customers choose us for it',
            signals: [
              ...lean('performance', { kafka: 2, msk: 1 }, 'speed is something customers pay for'),
              ...lean('streaming_product', { kafka: 2 }, 'speed is something customers pay for'),
            ],
          },
          { id: 'matters', short: 'matters, not sold', label: 'It matters, but it is not what we sell' },
          {
            id: 'no',
            short: 'no',
            label: 'No, ordinary speed is fine',
            signals: lean(
              'performance',
              { kinesis: 1 },
              'ordinary speed is enough, and every option delivers it',
            ),
          },
          DONT_KNOW,
        ],
      },
      {
        id: 'deploy_anywhere',
        short: 'deploy anywhere',
        kind: 'single',
        prompt: 'Must you deploy anywhere, or let customers control where their data lives?',
        help: 'Only software you run yourselves can go wherever a customer or a cheaper provider is.',
        options: [
          {
            id: 'yes',
            short: 'yes',
            label: 'Yes, customers decide where it runs',
            signals: lean(
              'versatile_deployment',
              { kafka: 5 },
              'customers decide where the stream runs and where data lives',
            ),
          },
          {
            id: 'sometimes',
            short: 'some customers ask',
            label: 'Some customers ask for it',
            signals: lean(
              'versatile_deployment',
              { kafka: 2 },
              'some customers ask to choose where data lives',
            ),
          },
          { id: 'no', short: 'no', label: 'No' },
          DONT_KNOW,
        ],
      },
      {
        id: 'infra_cost_margin',
        short: 'infra cost shapes margin',
        kind: 'single',
        prompt: 'Is infrastructure cost a key part of your gross margin?',
        help: 'Where machine cost shapes margin, freedom to move to cheaper hardware is worth a lot.',
        options: [
          {
            id: 'yes',
            short: 'yes',
            label: 'Yes, it directly shapes our margin',
            signals: [
              ...lean('versatile_deployment', { kafka: 2 }, 'infrastructure cost shapes your gross margin'),
              ...lean('ops_machines', { kafka: 1 }, 'the team will invest in cutting machine cost'),
            ],
          },
          { id: 'somewhat', short: 'somewhat', label: 'Somewhat' },
          { id: 'no', short: 'no', label: 'No, it is small next to salaries' },
          DONT_KNOW,
        ],
      },
      {
        id: 'tunability',
        short: 'tuning wanted',
        kind: 'single',
        prompt: 'How much do you want to tune, from the client down to the operating system?',
        help: 'Only a cluster you run yourselves lets you change every layer; managed services fix most of them.',
        options: [
          {
            id: 'every_layer',
            short: 'every layer',
            label: 'We want control of every layer',
            signals: [
              ...lean('streaming_product', { kafka: 2 }, 'the team wants to tune every layer'),
              ...lean('performance', { kafka: 1 }, 'the team wants to tune every layer'),
            ],
          },
          { id: 'some', short: 'a few settings', label: 'A few settings are enough' },
          {
            id: 'defaults',
            short: 'defaults',
            label: 'Defaults are fine',
            signals: lean('setup', { kinesis: 1 }, 'default settings are fine'),
          },
          DONT_KNOW,
        ],
      },
    ],
  },
];

export const ALL_QUESTIONS: Question[] = STEPS.flatMap((step) => step.questions);

const QUESTIONS_BY_ID = new Map(ALL_QUESTIONS.map((question) => [question.id, question]));

export function questionById(id: string): Question | undefined {
  return QUESTIONS_BY_ID.get(id);
}

/** The position of a step in STEPS, or -1 for an unknown (e.g. retired) step id. */
export function stepIndexOf(stepId: string): number {
  return STEPS.findIndex((step) => step.id === stepId);
}
