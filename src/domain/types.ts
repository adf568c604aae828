/**
 * The vocabulary of the decision model. Pure data types: nothing here knows about Slack or Redis.
 */
import type { CostEstimate } from './cost-model.js';
import type { LargeUnit } from './format.js';
import type { Platform } from './platform.js';

export { PLATFORM_LABELS, PLATFORMS, type Platform } from './platform.js';

/** The verdict rows, in the order they are shown. */
export const CATEGORIES = ['performance', 'setup', 'ops_people', 'ops_machines', 'incident_risk'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Reasons that can make Kafka right even when the categories say otherwise. */
export const DECIDING_FACTORS = ['streaming_product', 'versatile_deployment'] as const;
export type DecidingFactor = (typeof DECIDING_FACTORS)[number];

export type SignalTarget = Category | DecidingFactor;

export const TARGET_LABELS: Record<SignalTarget, string> = {
  performance: 'Performance',
  setup: 'Setup (people)',
  ops_people: 'Running it (people)',
  ops_machines: 'Running it (machines)',
  incident_risk: 'Incident risk',
  streaming_product: 'Streaming is the product',
  versatile_deployment: 'Deploy anywhere',
};

/** Points toward one platform in one row, with the phrase the verdict uses when it is the deciding reason. */
export interface Signal {
  target: SignalTarget;
  toward: Platform;
  points: number;
  /** Completes "…because <reason>", e.g. "nobody on the team has run Kafka in production". */
  reason: string;
  /**
   * The platform the reason is a contrast with ("your Kafka Streams apps have no Kinesis equivalent"): the signal
   * counts only while that platform is in the running. With Kinesis out, keeping the team's Kafka code is no
   * reason to prefer MSK to a cluster of its own, which keeps it just as well.
   */
  versus?: Platform;
}

/** Takes platforms off the table, whatever the scores say. */
export interface HardConstraint {
  excludes: Platform[];
  reason: string;
}

export interface ChoiceOption {
  /**
   * Stable id: used as the Slack option value. Never rename. Redis keeps an answer by the option's position
   * in its question (store/answer-codec.ts): add options at the end, never reorder or remove them.
   */
  id: string;
  label: string;
  /** The answer in a few words, as the verdict quotes it ("on-call today = none"); defaults to the label. */
  short?: string;
  signals?: Signal[];
  constraint?: HardConstraint;
  /** "Don't know": carries no signal and lowers confidence instead of guessing. */
  dontKnow?: boolean;
  /** In a multi choice, cannot be combined with other options (e.g. "None of these"). */
  exclusive?: boolean;
  /**
   * How long the team has run Kafka in production, 0..1: the managed services' starting lead shrinks with it
   * (see opsStrength in evidence.ts), the more so with the answers marked `opsSupport`.
   */
  kafkaExperience?: number;
  /** An operating habit that makes Kafka experience count: 24-hour on-call, a platform team, strong monitoring. */
  opsSupport?: boolean;
}

interface QuestionBase {
  /**
   * Stable id: used as the Slack block_id. Never rename. Redis keeps answers by the question's position in its
   * step (store/answer-codec.ts): add questions at the end of a step, never reorder or remove them.
   */
  id: string;
  /** The question in a few words, as the verdict quotes it: "on-call today", "Kafka ops experience". */
  short: string;
  prompt: string;
  /** Why the question matters, shown under it. */
  help: string;
  optional?: boolean;
  /**
   * A fact about the system (where it runs, its API, the workload, its data rules) or the team (its on-call, its
   * Kafka experience) rather than a judgement: where people answer it differently, the team verdict shows it as a
   * thing to settle, by name, and a fact's hard limit raised by anyone holds until it is settled.
   */
  fact?: true;
}

export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'single';
  options: ChoiceOption[];
}

export interface MultiChoiceQuestion extends QuestionBase {
  kind: 'multi';
  options: ChoiceOption[];
}

export interface NumberQuestion extends QuestionBase {
  kind: 'number';
  unit: string;
  /** The unit for exactly one, where it differs: "1 day", not "1 days". */
  unitOne?: string;
  /** A larger unit large answers are shown in: records of 3,072 KB read as "3 MiB". */
  largeUnit?: LargeUnit;
  /**
   * The number as a threshold in a sentence, `{bound}` standing for "at least 127": "there were {bound} reading
   * services". What would flip a verdict says it so.
   */
  threshold: string;
  /** The threshold when the bound is exactly one, where it differs: "records were kept for {bound} day". */
  thresholdOne?: string;
  min: number;
  max: number;
  integer: boolean;
  /** A neutral starting value, where there genuinely is one. */
  initial?: number;
  /**
   * Rough answers for people who cannot give an exact figure, in ascending order, covering min to max. Redis
   * keeps a rough answer by its range's position (store/answer-codec.ts): never reorder or remove a range.
   */
  ranges: RoughRange[];
  /** What a "Don't know" is priced at, only for people who agree to it: a common figure, stated to them. */
  typical: number;
}

/** A rough answer to a number question, priced at a stated figure inside it. */
export interface RoughRange {
  /** Stable id, stored in Redis in place of the number. Never rename. */
  id: string;
  /** "10 to 100": the unit is added where it is shown. */
  label: string;
  /** The range in full where label + unit would not read ("one day", not "one days"; "1 to 10 MiB", not "… MiB KB"). */
  words?: string;
  low: number;
  high: number;
  /** The figure the estimate uses: the geometric middle of low and high, rounded. */
  pricedAt: number;
}

export type Question = SingleChoiceQuestion | MultiChoiceQuestion | NumberQuestion;

export interface Step {
  /** Stable id, stored in Redis. */
  id: string;
  title: string;
  /** One sentence shown at the top of the step. */
  intro: string;
  questions: Question[];
}

/** A person's answer to one question: an option id, several option ids, or a number. */
export type AnswerValue = string | string[] | number;

/** A person's answers, keyed by question id. Unanswered optional questions are absent. */
export type Answers = Record<string, AnswerValue>;

/** How far a row's leader is ahead; 'only' when the hard limits left it alone in the running. */
export type Strength = 'only' | 'decisive' | 'clear' | 'slight' | 'even';

export interface CategoryResult {
  target: SignalTarget;
  /** The best platform, or 'even' when no platform leads. */
  advantage: Platform | 'even';
  strength: Strength;
  /** Total points per platform still on the table. */
  scores: Record<Platform, number>;
  /** One line, drawn from the answers, e.g. "nobody on the team has run Kafka in production". */
  reason: string;
  /** The question ids whose answers moved this row most, strongest first (COST_ESTIMATE_DRIVER for the estimate). */
  drivenBy: string[];
  /** drivenBy in words, each the question's short label and the answer given: "on-call today = none". */
  from: string[];
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Verdict {
  recommendation: Platform;
  confidence: Confidence;
  /** One plain sentence on why the confidence is what it is. */
  confidenceReason: string;
  /** Set when the monthly totals differ enough to move the verdict: "Amazon MSK costs about $79,000 a month …". */
  costSentence?: string;
  /** One row per category, in CATEGORIES order. */
  rows: CategoryResult[];
  /**
   * Deciding-factor rows that apply (Kafka leads), in DECIDING_FACTORS order. In a team verdict each says how many
   * people hold the factor, and one that most do not hold claims no more than a slight lead.
   */
  decidingFactors: CategoryResult[];
  /** Set when a deciding factor overrode what the categories favour. */
  override?: { categoriesFavour: Platform; factor: DecidingFactor; sentence: string };
  /**
   * Set when Kafka operating strength in the answers takes a twentieth or more off the managed services' head start
   * in setup, running it and incident risk: said once here, not in each of those rows' reasons.
   */
  discountNote?: string;
  excluded: { platform: Platform; reason: string }[];
  /** Share of answered questions that were "Don't know", 0..1. */
  dontKnowShare: number;
  /** Workload figures given as a range or "Don't know": what each was priced at, or that it could not be. */
  figures?: FigureNote[];
  /** The monthly cost per option; absent until the workload numbers are answered. */
  cost?: CostEstimate;
  /** The smallest change of answers that changes the recommendation; null when no one or two changes do. */
  flip: Flip | null;
}

/**
 * A workload figure nobody gave exactly. 'range': priced at the range's stated figure; 'typical': nobody gave
 * it, priced at the question's typical figure because these people agreed to that; 'unknown': nobody gave it
 * and nobody agreed to a typical figure, so the estimate cannot be priced.
 */
export interface FigureNote {
  questionId: string;
  basis: 'range' | 'typical' | 'unknown';
  /** What the estimate uses; absent for 'unknown'. */
  pricedAt?: number;
  /** For 'range', the range as said: "10 to 100 MB/s". */
  said?: string;
  /** Who gave the range, agreed to the typical figure, or said "Don't know"; empty for one person's verdict. */
  userIds: string[];
}

/** The drivenBy entry of a row moved by the machine-cost estimate rather than by one answer. */
export const COST_ESTIMATE_DRIVER = 'cost_estimate';

/** One answer changed: for a team, everyone giving `to`, where `from` is what most gave. */
export interface AnswerChange {
  questionId: string;
  from?: AnswerValue;
  to: AnswerValue;
}

export interface Flip {
  changes: AnswerChange[];
  recommendation: Platform;
  /** "If on-call today were “24-hour rotation” instead of “none”, the verdict would be Amazon MSK." */
  sentence: string;
}
