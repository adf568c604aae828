export {
  firstMissingStep,
  isComplete,
  mergeSteps,
  type RespondentAnswers,
  respondentsOf,
  type SteppedAnswers,
} from './answer-set.js';
export {
  COST_OPTION_LABELS,
  COST_OPTION_PLATFORMS,
  COST_OPTIONS,
  type CostEstimate,
  type CostOption,
  type CostSettings,
  DEFAULT_ENGINEER_YEARLY_USD,
  estimateCosts,
  type OptionCost,
  readWorkload,
  type Workload,
} from './cost.js';
export { formatDollars, formatNumber, formatUsd } from './format.js';
export {
  DEFAULT_PRICING,
  type PriceTable,
  type PricingParseResult,
  parsePricingOverride,
} from './pricing.js';
export { ALL_QUESTIONS, questionById, STEPS, stepIndexOf } from './questions.js';
export { AGREEMENT_LIMITS, CLOSE_CALL_MARGIN, DONT_KNOW_LIMITS, REASON_MIN_POINTS } from './scoring.js';
export {
  aggregateTeam,
  DEFAULT_COST_SETTINGS,
  scoreAnswers,
  type TeamSplit,
  type TeamVerdict,
} from './team.js';
export * from './types.js';
export {
  answersSchema,
  parseStepAnswers,
  type RawStepInput,
  type StepParseResult,
  sanitizeAnswers,
  validAnswersOf,
} from './validation.js';
export { CATEGORY_WEIGHTS, OVERRIDE_MARGIN, STRENGTH_THRESHOLDS } from './weighing.js';
