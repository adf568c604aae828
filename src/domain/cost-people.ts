/**
 * People: the share of an engineer each option takes once running, and the engineer-weeks to reach production.
 *
 * Each option starts from a stated floor (what a small deployment takes a team that knows it), grows with each
 * doubling of the fleet, is scaled by the team's experience with what it runs and by how much an outage costs,
 * and, where an outage is expensive and nobody is on call, carries the share of a rotation it needs. Figures are
 * judgement, not list prices: they are shown beside the machine bill, never inside it.
 */
import type { CostOption as Option } from './cost-model.js';
import type { Answers } from './types.js';

/** Engineers' time once running, for a small deployment and a team that knows what it runs. */
export const FLOOR_FTE: Record<Option, number> = {
  kinesis_provisioned: 0.05,
  kinesis_on_demand: 0.03,
  kinesis_advantage: 0.03,
  msk_provisioned: 0.1,
  msk_express: 0.08,
  msk_serverless: 0.05,
  kafka_ec2: 0.25,
};

/** A loaded engineer a year, unless the operator says otherwise (ENGINEER_YEARLY_COST_USD). */
export const DEFAULT_ENGINEER_YEARLY_USD = 200_000;

/** Each doubling of the fleet past its baseline (brokers, or shards) adds this much of an engineer. */
const FLEET: Partial<Record<Option, { baseline: number; perDoubling: number }>> = {
  kinesis_provisioned: { baseline: 10, perDoubling: 0.02 },
  msk_provisioned: { baseline: 3, perDoubling: 0.04 },
  msk_express: { baseline: 3, perDoubling: 0.03 },
  kafka_ec2: { baseline: 3, perDoubling: 0.15 },
};

/** How Kafka skills scale the time a Kafka option takes: fully for your own cluster, partly for MSK. */
type SkillEffect = { kafka: number; msk: number };
const SKILLS: Record<string, Record<string, SkillEffect>> = {
  kafka_ops_experience: {
    never: { kafka: 1.6, msk: 1.3 },
    under_a_year: { kafka: 1.3, msk: 1.15 },
    many_years: { kafka: 0.8, msk: 0.9 },
  },
  monitoring_maturity: { little: { kafka: 1.25, msk: 1.1 }, strong: { kafka: 0.9, msk: 0.95 } },
  platform_team: { none: { kafka: 1.2, msk: 1.1 }, dedicated_team: { kafka: 0.9, msk: 0.95 } },
};

/** How much an hour down costs scales the care every option needs. */
const CRITICALITY: Record<string, number> = { little: 0.6, annoyed_users: 1, lost_revenue: 1.3, severe: 1.6 };
const PAGER_WORTHY = new Set(['lost_revenue', 'severe']);

/** The share of a rotation an option needs when outages are expensive and nobody is on call around the clock. */
const ONCALL_GAP: Record<string, Partial<Record<Option, number>>> = {
  no: { kafka_ec2: 0.5, msk_provisioned: 0.1, msk_express: 0.1 },
  business_hours: { kafka_ec2: 0.25, msk_provisioned: 0.05, msk_express: 0.05 },
};

const SETUP_WEEKS: Record<Option, number> = {
  kinesis_provisioned: 1,
  kinesis_on_demand: 1,
  kinesis_advantage: 1,
  msk_provisioned: 2,
  msk_express: 2,
  msk_serverless: 1,
  kafka_ec2: 6,
};

type Effect = Partial<Record<Option, number>>;
const REWRITE_FOR_KINESIS: Effect = { kinesis_provisioned: 2, kinesis_on_demand: 2, kinesis_advantage: 2 };
const SETUP_EFFECTS: Record<string, Record<string, Effect>> = {
  kafka_ops_experience: {
    never: { kafka_ec2: 4, msk_provisioned: 1, msk_express: 1 },
    under_a_year: { kafka_ec2: 2 },
    many_years: { kafka_ec2: -3 },
  },
  kafka_dev_experience: {
    none: { kafka_ec2: 2, msk_provisioned: 1, msk_express: 1, msk_serverless: 1 },
    built_clusters: { kafka_ec2: -1 },
  },
  ops_skills: { little: { kafka_ec2: 3 }, deep: { kafka_ec2: -1 } },
  kafka_usage: { clients: REWRITE_FOR_KINESIS, connect: REWRITE_FOR_KINESIS, streams: REWRITE_FOR_KINESIS },
};

/** The answers the people figures read: a change to one of them changes the monthly totals. */
export const PEOPLE_QUESTIONS: ReadonlySet<string> = new Set([
  ...Object.keys(SKILLS),
  ...Object.keys(SETUP_EFFECTS),
  'downtime_cost',
  'oncall_rotation',
]);

export interface People {
  /** Engineers' time once running, in full-time engineers. */
  fte: number;
  /** One-off engineer-weeks to reach production. */
  setupWeeks: number;
}

/**
 * What a fleet of `units` adds in engineers' time beyond its baseline, at the default loaded cost and before the
 * team's skills scale it: what a design search weighs beside the machines, so that 21 large brokers do not win
 * over 3 × 4xlarge for $450 of machines while they take $1,900 a month more looking after.
 */
export function fleetUsd(option: Option, units: number): number {
  const fleet = FLEET[option];
  if (!fleet) return 0;
  return (
    (fleet.perDoubling * Math.max(0, Math.log2(units / fleet.baseline)) * DEFAULT_ENGINEER_YEARLY_USD) / 12
  );
}

export function peopleFor(option: Option, answers: Answers, units: number): People {
  const fleet = FLEET[option];
  const doublings = fleet ? Math.max(0, Math.log2(units / fleet.baseline)) : 0;
  const running = FLOOR_FTE[option] + (fleet?.perDoubling ?? 0) * doublings;
  const criticality = CRITICALITY[String(answers.downtime_cost)] ?? 1;
  const gap = PAGER_WORTHY.has(String(answers.downtime_cost))
    ? (ONCALL_GAP[String(answers.oncall_rotation)]?.[option] ?? 0)
    : 0;
  // The floor is already what a team that knows the platform takes: skills and a cheap outage shrink the fleet's
  // share above it, never the floor itself (Kafka veterans' 0.8 × 0.9 × 0.9 took a 0.25 floor to 0.16).
  const fte = Math.max(FLOOR_FTE[option], running * skillFactor(option, answers) * criticality) + gap;
  const setupWeeks = SETUP_WEEKS[option] + setupEffect(answers, option);
  return {
    fte: Math.max(0.01, Math.round(fte * 100) / 100),
    setupWeeks: Math.max(option === 'kafka_ec2' ? 2 : 0.5, setupWeeks),
  };
}

function skillFactor(option: Option, answers: Answers): number {
  const kind = option === 'kafka_ec2' ? 'kafka' : option.startsWith('msk_') ? 'msk' : undefined;
  if (!kind) return 1;
  let factor = 1;
  for (const [questionId, byAnswer] of Object.entries(SKILLS)) {
    factor *= byAnswer[String(answers[questionId])]?.[kind] ?? 1;
  }
  return factor;
}

function setupEffect(answers: Answers, option: Option): number {
  let total = 0;
  for (const [questionId, byAnswer] of Object.entries(SETUP_EFFECTS)) {
    const value = answers[questionId];
    for (const answer of Array.isArray(value) ? value : [value]) {
      if (typeof answer === 'string') total += byAnswer[answer]?.[option] ?? 0;
    }
  }
  return total;
}
