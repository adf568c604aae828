/** Every callback_id, block_id and action_id shared by the view builders and the listeners. */

export const CALLBACK_IDS = {
  questionnaire: 'questionnaire',
  verdictDetails: 'verdict_details',
} as const;

export const ACTION_IDS = {
  /** Button on the decision message: open (or resume) the questionnaire. */
  answerQuestionnaire: 'answer_questionnaire',
  /** Button on the decision message: close it (the creator or an admin) and post the decision record. */
  closeDecision: 'close_decision',
  /** Button on a closed decision message: open it for answers again. */
  reopenDecision: 'reopen_decision',
  /** Button on the decision message: the full breakdown in a modal. */
  verdictDetails: 'verdict_details',
  /** Link button on the App Home tab: open a decision message. */
  homeOpenDecision: 'home_open_decision',
  /** Button under "Did you mean `export`?": start a decision with the mistyped text as its title after all. */
  startDecisionAnyway: 'start_decision_anyway',
  /** Button under the `forget me` question: yes, remove my answers. */
  confirmForgetMe: 'confirm_forget_me',
  /** Button inside the modal: go one step back. */
  questionnaireBack: 'questionnaire_back',
  /** Button on the summary of a finished person's answers: open one step alone to change it. */
  questionnaireEditStep: 'questionnaire_edit_step',
  /** Button inside a step opened from the summary: back to the summary, nothing saved. */
  questionnaireSummary: 'questionnaire_summary',
  /** The element inside every question's input block; the block_id is the question id. */
  answer: 'answer',
} as const;

export const BLOCK_IDS = {
  stepProgress: 'step_progress',
  stepIntro: 'step_intro',
  questionnaireNav: 'questionnaire_nav',
  /** The last step's sentence on what its button does. */
  stepOutcome: 'step_outcome',
  /** The summary of a finished person's answers: the person's own verdict, then one block per step. */
  summaryVerdict: 'summary_verdict',
  summaryHeading: 'summary_heading',
  summaryStep: (stepId: string) => `summary_step_${stepId}`,
  notice: 'notice',
  decisionHeader: 'decision_header',
  decisionContext: 'decision_context',
  decisionActions: 'decision_actions',
  verdictSummary: 'verdict_summary',
  verdictOverride: 'verdict_override',
  verdictExcluded: 'verdict_excluded',
  verdictTeam: 'verdict_team',
  verdictFooter: 'verdict_footer',
  verdictRowsNote: 'verdict_rows_note',
  verdictDiscount: 'verdict_discount',
  verdictSettle: 'verdict_settle',
  verdictRow: (target: string) => `verdict_row_${target}`,
  verdictBlind: 'verdict_blind',
  verdictArgue: (target: string) => `verdict_argue_${target}`,
  recordHeader: 'record_header',
  recordStatus: 'record_status',
  recordContext: 'record_context',
  recordDrivers: 'record_drivers',
  recordOptions: 'record_options',
  recordOption: (platform: string) => `record_option_${platform}`,
  recordOutcome: 'record_outcome',
  recordCosts: 'record_costs',
  recordDisagreements: 'record_disagreements',
  recordUnsettled: 'record_unsettled',
  recordParticipants: 'record_participants',
  /** The thread note when someone finishes or changes their answers. */
  finishedNote: 'finished_note',
  homeHeader: 'home_header',
  homeEmpty: 'home_empty',
  homeDecision: (decisionId: string) => `home_decision_${decisionId}`,
  commandPrompt: 'command_prompt',
  commandPromptActions: 'command_prompt_actions',
} as const;

/** Blocks of the verdict on the decision message and in its Details; tests find them by these ids. */
export const VERDICT_BLOCK_IDS = {
  flip: 'verdict_flip',
  cost: 'verdict_cost',
  costNotes: 'verdict_cost_notes',
  costGap: 'verdict_cost_gap',
  picks: 'verdict_picks',
  settle: 'verdict_settle',
  ranges: 'verdict_ranges',
  figures: 'verdict_figures',
} as const;

/** A pattern that matches these ids and nothing else: one Bolt listener for several (see listeners/actions). */
export function exactly(ids: Iterable<string>): RegExp {
  const escaped = [...ids].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:${escaped.join('|')})$`);
}
