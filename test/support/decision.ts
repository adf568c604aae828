import type { Decision } from '../../src/domain/decision.js';

/** A decision as the store keeps it, for tests of what is built from one. */
export const A_DECISION: Decision = {
  teamId: 'T1',
  decisionId: 'd-1',
  channelId: 'C1',
  createdBy: 'U1',
  title: 'Event bus for the billing rewrite',
  createdAt: '2026-11-24T10:00:00.000Z',
};
