export { formatNumber } from './format.js';
export { ALL_QUESTIONS, questionById, STEPS, stepIndexOf } from './questions.js';
export {
  AGREEMENT_LIMITS,
  CATEGORY_WEIGHTS,
  CLOSE_CALL_MARGIN,
  DONT_KNOW_LIMITS,
  OVERRIDE_MARGIN,
  REASON_MIN_POINTS,
  STRENGTH_THRESHOLDS,
  scoreAnswers,
} from './scoring.js';
export { aggregateTeam, type RespondentAnswers, type TeamSplit, type TeamVerdict } from './team.js';
export * from './types.js';
export {
  answersSchema,
  parseStepAnswers,
  type RawStepInput,
  type StepParseResult,
  sanitizeAnswers,
} from './validation.js';
