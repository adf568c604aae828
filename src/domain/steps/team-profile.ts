import type { Step } from '../types.js';
import { DONT_KNOW, lean } from './options.js';

/** Team profile: the company's size and stage, how it engineers and what it prefers to run. */
export const TEAM_PROFILE: Step = {
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
            ...lean('ops_people', { kinesis: 1 }, 'a seed-stage team has no hands to spare for cluster work'),
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
};
