import { randomFillSync } from 'node:crypto';
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

const ID_BYTES = 9;
/**
 * Random bytes drawn a few kilobytes at a time and each used once: a call to the system's generator per id
 * cost more than the rest of a slash command's own work (as randomUUID pools its entropy too).
 */
const pool = Buffer.alloc(ID_BYTES * 512);
let drawn = pool.length;

/** A new decision's id: 72 random bits, so ids can be neither guessed nor enumerated. */
export function newDecisionId(): string {
  if (drawn + ID_BYTES > pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  const id = pool.toString('base64url', drawn, drawn + ID_BYTES);
  drawn += ID_BYTES;
  return id;
}
