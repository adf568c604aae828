import type { DecisionRef } from '../domain/decision.js';
import { DECISION_ID, SLACK_ID, TEAM_AND_DECISION } from '../domain/ids.js';
import { InvalidStoreSettingError } from '../errors.js';
import type { DueItem } from './port.js';

/**
 * Every Redis key the app uses, in one place. A decision's keys share one hash tag, `{team:decision}`, so
 * they live in one Redis Cluster slot and can change together in one MULTI.
 */
export class KeySpace {
  constructor(readonly prefix = 'sv') {
    if (!/^[\w.-]+$/.test(prefix)) throw new InvalidStoreSettingError(`Invalid key prefix: ${prefix}`);
  }

  private tag(ref: DecisionRef): string {
    return `${this.prefix}:{${ref.teamId}:${ref.decisionId}}`;
  }

  /**
   * Hash: `meta` (JSON Decision without message and closure), `message` (JSON {channel, ts}), `closed` (JSON
   * Closure, while closed), `publish_requested` / `publish_done` (version counters of the decision message:
   * every change to what it shows bumps the first, in the same write as the change).
   */
  decision(ref: DecisionRef): string {
    return `${this.tag(ref)}:decision`;
  }

  /** Set of the user ids who have saved at least one step. */
  respondents(ref: DecisionRef): string {
    return `${this.tag(ref)}:respondents`;
  }

  /**
   * A delivery's marker as the previous version wrote it (one key per submission, a day's TTL), read by
   * scripts/save-step.ts only so that a retry of a submission that version saved is not saved twice. Remove
   * it a day after every instance runs this version.
   */
  previousDeliveryMarker(ref: DecisionRef, deliveryId: string): string {
    return `${this.tag(ref)}:delivery:${deliveryId}`;
  }

  /** Marks a request of a tenant that is not about one decision (a slash command, an event) as handled. */
  request(teamId: string, requestId: string): string {
    return `${this.prefix}:request:{${teamId}}:${requestId}`;
  }

  /** Held by the one instance publishing the decision message; the decision hash counts versions. */
  publishLease(ref: DecisionRef): string {
    return `${this.tag(ref)}:publish_lease`;
  }

  /**
   * Hash of the thread notes waiting to be posted (the outbox): field = user id, value = JSON {again, at}.
   * scripts/save-step.ts fills it in the same step as the finish it notes.
   */
  notes(ref: DecisionRef): string {
    return `${this.tag(ref)}:notes`;
  }

  /**
   * Sorted set of decisions whose message may lag behind the store (`team:decision`), scored by when a
   * sweeper should look (ms). One set for every workspace, like the due-list, since a sweeper must find them
   * without knowing the workspaces; only single-key commands touch it, so it is Cluster-safe in its own slot.
   */
  dirty(): string {
    return `${this.prefix}:dirty`;
  }

  /** Sorted set of due items (see DueItem), scored by when they are due (ms). */
  due(): string {
    return `${this.prefix}:due`;
  }

  /** Hash of each failing due item's attempts: `<member>:count` and `<member>:first` (ms). */
  dueFailures(): string {
    return `${this.prefix}:due_failures`;
  }

  /** Sorted set of the decision ids a person started or answered, scored by when (ms). */
  home(teamId: string, userId: string): string {
    return `${this.prefix}:home:{${teamId}:${userId}}`;
  }

  /** The id of the decision most recently started in a channel. */
  latest(teamId: string, channelId: string): string {
    return `${this.prefix}:latest:{${teamId}:${channelId}}`;
  }

  /**
   * SCAN patterns that together match every key of one tenant (decision keys, among them its outbox of thread
   * notes, home lists, latest pointers, request markers); its due items and dirty decisions are members of the
   * shared due-list and dirty list instead.
   */
  tenantPatterns(teamId: string): { decisionKeys: string; indexes: string[]; requestMarkers: string } {
    // The id goes into a glob: only the characters Slack ids are made of.
    if (!SLACK_ID.test(teamId)) throw new InvalidStoreSettingError(`Invalid tenant id: ${teamId}`);
    return {
      decisionKeys: `${this.prefix}:{${teamId}:*`,
      indexes: [`${this.prefix}:home:{${teamId}:*`, `${this.prefix}:latest:{${teamId}:*`],
      requestMarkers: `${this.prefix}:request:{${teamId}}:*`,
    };
  }

  /** Which of a decision's keys this is, for counting what an erasure removed. */
  decisionKeyKind(key: string): 'decision' | 'answers' | 'other' {
    const rest = key.slice(key.indexOf('}:') + 2);
    if (rest === 'decision') return 'decision';
    return rest.startsWith('answers:') ? 'answers' : 'other';
  }

  /** A SCAN pattern for one person's answers to every decision of a tenant. */
  answersPattern(teamId: string, userId: string): string {
    return `${globEscaped(this.prefix)}:{${globEscaped(teamId)}:*}:answers:${globEscaped(userId)}`;
  }

  /** The decision id in a key of `answers`, if the key is one of this tenant and person. */
  decisionOfAnswersKey(key: string, teamId: string, userId: string): string | undefined {
    const head = `${this.prefix}:{${teamId}:`;
    const tail = `}:answers:${userId}`;
    if (!key.startsWith(head) || !key.endsWith(tail)) return undefined;
    const decisionId = key.slice(head.length, key.length - tail.length);
    return DECISION_ID.test(decisionId) ? decisionId : undefined;
  }

  /**
   * Hash per person: `progress` (JSON {currentStep, updatedAt}), `finished_at` (ISO), `step:<stepId>` (the
   * step's answers, see answer-codec.ts) and `deliveries` (their last few delivery ids, hashed, newest first,
   * space-separated), every value short enough for Redis to keep the hash a listpack.
   */
  answers(ref: DecisionRef, userId: string): string {
    return `${this.tag(ref)}:answers:${userId}`;
  }
}

function globEscaped(text: string): string {
  return text.replace(/[*?[\]\\]/g, (special) => `\\${special}`);
}

export const STEP_FIELD_PREFIX = 'step:';
// scripts/save-step.ts writes these two fields by name too.
export const PROGRESS_FIELD = 'progress';
export const FINISHED_FIELD = 'finished_at';
// A field of the decision hash besides meta and message; scripts/save-step.ts names it too.
export const CLOSED_FIELD = 'closed';

/** A due item as a member of the due-list: `kind:team:decision`. */
export function dueMember(item: DueItem): string {
  return `${item.kind}:${item.teamId}:${item.decisionId}`;
}

/** ZSCAN pattern for a tenant's due-list members (dueItemOf still checks each). */
export function tenantDueMembers(teamId: string): string {
  return `*:${teamId}:*`;
}

/** A decision as a member of the dirty list: `team:decision`. */
export function dirtyMember(ref: DecisionRef): string {
  return `${ref.teamId}:${ref.decisionId}`;
}

/** ZSCAN pattern for a tenant's dirty-list members (dirtyRefOf still checks each). */
export function tenantDirtyMembers(teamId: string): string {
  return `${teamId}:*`;
}

export function dirtyRefOf(member: string): DecisionRef | undefined {
  const match = TEAM_AND_DECISION.exec(member);
  if (!match) return undefined;
  return { teamId: match[1] as string, decisionId: match[2] as string };
}

export function dueItemOf(member: string): DueItem | undefined {
  const colon = member.indexOf(':');
  const kind = member.slice(0, colon);
  const ref = dirtyRefOf(member.slice(colon + 1));
  return ref && (kind === 'remind' || kind === 'close') ? { kind, ...ref } : undefined;
}
