import type { Step } from '../types.js';
import { DONT_KNOW, lean } from './options.js';

/** Running it: who would keep the stream healthy, with what experience and appetite for upgrades. */
export const RUNNING_IT: Step = {
  id: 'running_it',
  title: 'Running it (people)',
  intro: 'Someone has to keep the stream healthy at 3 a.m.; these questions ask who that would be.',
  questions: [
    {
      id: 'oncall_rotation',
      // Whether the team has a rotation is one fact, not a judgement to average: people who differ should settle it.
      fact: true,
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
      // "Has anyone kept Kafka running" has one answer for the team: two who say years and three who say never
      // disagree about a fact, which is theirs to settle, not to average.
      fact: true,
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
            ...lean('incident_risk', { kafka: 2, msk: 1 }, 'the team has run Kafka at scale for many years'),
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
};
