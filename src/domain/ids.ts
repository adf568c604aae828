import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The id formats, defined once: a decision id as the app makes them, and a Slack id (workspace, org, user,
 * channel). Anything else is refused before it reaches a store key, a glob or a message.
 */

/** 12 base64url characters when made here; up to 64 of `[A-Za-z0-9_-]` are read, as ids always were. */
const DECISION_ID_CHARS = '[\\w-]{1,64}';
/** Upper-case letters and digits, as Slack makes them (T…, E…, U…, C…). */
const SLACK_ID_CHARS = '[A-Z0-9]{2,32}';

export const DECISION_ID = new RegExp(`^${DECISION_ID_CHARS}$`);
export const SLACK_ID = new RegExp(`^${SLACK_ID_CHARS}$`);

/** A member of the dirty list: `team:decision`. */
export const TEAM_AND_DECISION = new RegExp(`^(${SLACK_ID_CHARS}):(${DECISION_ID_CHARS})$`);

export const decisionIdSchema = z.string().regex(DECISION_ID);
export const slackIdSchema = z.string().regex(SLACK_ID);

/** A new decision's id: 72 random bits, so ids can be neither guessed nor enumerated. */
export function newDecisionId(): string {
  return randomBytes(9).toString('base64url');
}
