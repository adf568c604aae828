import type { Step } from '../types.js';
import { AWS_ONLY_REASON, DONT_KNOW, lean } from './options.js';

/** Setup: where you run, what of Kafka you already use or need, and how soon it must be live. */
export const SETUP: Step = {
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
              'kinesis',
            ),
            ...lean('ops_people', { msk: 1, kafka: 1 }, 'the team already knows how Kafka clients behave'),
            ...lean(
              'incident_risk',
              { msk: 2, kafka: 1 },
              'rewriting working Kafka clients invites new bugs',
              'kinesis',
            ),
          ],
        },
        {
          id: 'connect',
          short: 'Kafka Connect',
          label: 'Kafka Connect connectors',
          signals: [
            ...lean(
              'setup',
              { msk: 5, kafka: 3 },
              'your data already flows through Kafka Connect',
              'kinesis',
            ),
            ...lean(
              'ops_people',
              { msk: 2, kafka: 1 },
              'MSK Connect can run the connectors you already have',
            ),
            ...lean(
              'incident_risk',
              { msk: 1, kafka: 1 },
              'replacing working connectors invites new bugs',
              'kinesis',
            ),
          ],
        },
        {
          id: 'streams',
          short: 'Kafka Streams',
          label: 'Kafka Streams or ksqlDB applications',
          signals: [
            ...lean(
              'setup',
              { msk: 10, kafka: 6 },
              'your Kafka Streams apps have no Kinesis equivalent',
              'kinesis',
            ),
            ...lean('ops_people', { msk: 1, kafka: 1 }, 'the team already runs Kafka Streams apps'),
            ...lean(
              'incident_risk',
              { msk: 3, kafka: 2 },
              'rewriting stream-processing apps invites new bugs',
              'kinesis',
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
            reason: 'the stream must speak the Kafka API, which Kinesis does not',
          },
          signals: lean('setup', { msk: 2, kafka: 1 }, 'the stream must speak the Kafka API', 'kinesis'),
        },
        {
          id: 'nice',
          short: 'nice to have',
          label: 'It would be nice',
          signals: lean('setup', { msk: 2, kafka: 1 }, 'you would like to keep the Kafka API', 'kinesis'),
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
};
