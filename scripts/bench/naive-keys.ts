/**
 * Where the naive baseline (naive-app.ts) keeps its data in the bench's Redis: plain keys, one per record,
 * apart from ours. The bench writes the decisions it started through ours here too, so both apps answer the
 * same submissions.
 */
export const NAIVE_KEYS = {
  decision: (teamId: string, decisionId: string) => `naive:decision:${teamId}:${decisionId}`,
  answers: (teamId: string, decisionId: string, userId: string) =>
    `naive:answers:${teamId}:${decisionId}:${userId}`,
  respondents: (teamId: string, decisionId: string) => `naive:respondents:${teamId}:${decisionId}`,
  delivery: (teamId: string, decisionId: string, deliveryId: string) =>
    `naive:delivery:${teamId}:${decisionId}:${deliveryId}`,
  request: (teamId: string, requestId: string) => `naive:request:${teamId}:${requestId}`,
  home: (teamId: string, userId: string) => `naive:home:${teamId}:${userId}`,
  latest: (teamId: string, channelId: string) => `naive:latest:${teamId}:${channelId}`,
};

/** A decision as the naive app stores it (the `meta` field of its hash). */
export interface NaiveDecision {
  teamId: string;
  decisionId: string;
  channelId: string;
  createdBy: string;
  title: string;
  createdAt: string;
}
