import type { Step } from '../types.js';
import { DONT_KNOW, lean } from './options.js';

/** What matters most: the priorities that can outweigh cost and risk altogether. */
export const PRIORITIES: Step = {
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
};
