import type { Step } from '../types.js';
import { DONT_KNOW, lean } from './options.js';

/** Risk: monitoring, what downtime costs, past incidents and the rules data must follow. */
export const RISK: Step = {
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
          signals: lean('incident_risk', { kinesis: 1, msk: 1 }, 'your own systems have had painful outages'),
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
};
