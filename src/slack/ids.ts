/** Every callback_id, block_id and action_id shared by the view builders and the listeners. */

export const CALLBACK_IDS = {
  questionnaire: 'questionnaire',
} as const;

export const ACTION_IDS = {
  /** Button on the decision message: open (or resume) the questionnaire. */
  answerQuestionnaire: 'answer_questionnaire',
  /** Button inside the modal: go one step back. */
  questionnaireBack: 'questionnaire_back',
  /** The element inside every question's input block; the block_id is the question id. */
  answer: 'answer',
} as const;

export const BLOCK_IDS = {
  stepProgress: 'step_progress',
  stepIntro: 'step_intro',
  questionnaireNav: 'questionnaire_nav',
  notice: 'notice',
  decisionHeader: 'decision_header',
  decisionContext: 'decision_context',
  decisionActions: 'decision_actions',
  verdictSummary: 'verdict_summary',
  verdictOverride: 'verdict_override',
  verdictExcluded: 'verdict_excluded',
  verdictTeam: 'verdict_team',
  verdictFooter: 'verdict_footer',
  verdictRow: (target: string) => `verdict_row_${target}`,
} as const;
