import type { AnswerSet, Closure, Decision, DecisionRef, Progress } from '../domain/decision.js';
import type { Answers } from '../domain/types.js';

/**
 * The store port: everything the app keeps between requests. Adapters: redis-store.ts (durable, shared by
 * every instance) and memory-store.ts (one process, nothing survives a restart).
 */

/** Work the scheduler does at a given time: remind the thread, or close the decision at its deadline. */
export interface DueItem extends DecisionRef {
  kind: 'remind' | 'close';
}

/** A due item's failed attempts since it last succeeded (or was scheduled). */
export interface DueFailures {
  count: number;
  firstAt: Date;
}

export type SavedStep =
  /** The decision does not exist (or not in this workspace): nothing was written. */
  | { status: 'missing' }
  /** The decision is closed: nothing was written. */
  | { status: 'closed'; decision: Decision }
  | {
      /** 'duplicate': this delivery was saved before (a retry or a double click), so nothing was written. */
      status: 'saved' | 'duplicate';
      decision: Decision;
      /** The person's whole answer set as it stands now. */
      answerSet: AnswerSet;
      /** True when this save finished a questionnaire the person had already finished before. */
      finishedBefore: boolean;
    };

/** What erasing a tenant removed, for the one log line that records it. */
export interface TenantErasure {
  decisions: number;
  answerSets: number;
  /** Home-tab lists and latest-in-channel pointers. */
  indexes: number;
  dueItems: number;
  /** Its decisions taken off the outbox's dirty list. */
  dirtyDecisions: number;
  /** Every key deleted, the above and request markers, respondent sets, publish leases and pending thread notes. */
  keys: number;
}

export type PublishClaim =
  | { status: 'clean' | 'busy' }
  /** This caller holds the lease and publishes `version` (the latest asked for). */
  | { status: 'leader'; version: number };

/** A finish waiting in the outbox to be noted in the decision's thread. */
export interface PendingNote {
  userId: string;
  /** True when the person had finished before: they changed their answers. */
  again: boolean;
  /** ISO 8601, when they finished. */
  at: string;
}

export interface DirtyClaim {
  ref: DecisionRef;
  /** What the claim set; settling checks it is still there. */
  claim: number;
}

export interface StoreHealth {
  kind: 'redis' | 'memory';
  status: 'ok' | 'degraded';
  /** False when nothing survives a restart: for Redis, as Redis itself last said. */
  durable: boolean;
  detail?: string;
  /** Redis: its eviction policy and persistence, as last read from Redis. */
  redis?: { maxmemoryPolicy: string; evicts: boolean; appendonly: boolean; save?: string };
  /** What an operator should change so that answers are kept. */
  warnings?: string[];
}

/** Where a new decision is listed, written with it: its starter's Home and the due-list. */
export interface DecisionListing {
  /** When it was started: its place on the starter's Home. */
  at: Date;
  /** Its reminder and deadline, if it has a deadline. */
  due: { item: DueItem; at: Date }[];
}

/** A new decision for a request Slack may deliver again, in two stages that settle together where they can. */
export interface DecisionCreation {
  /** Whether this is the request's first delivery (false: a repeat, and nothing is written). */
  first: Promise<boolean>;
  /** The decision and its listings written (at once, for a repeat). */
  created: Promise<void>;
}

export interface DecisionStore {
  /**
   * Saves a new decision and, in the same round trip, lists it: latest in its channel, on its starter's Home
   * and, with `listing.due`, on the due-list.
   */
  createDecision(decision: Decision, listing: DecisionListing): Promise<void>;
  /**
   * createDecision for the first delivery of a request (a slash command, by `requestId` as claimRequest takes
   * it) only. Where the marker can change with the decision (Redis standalone or Sentinel, in memory), the
   * claim and the writes are one step and `first` settles with `created`; on a Cluster the marker lives in
   * another slot, so it is claimed first (`first`, one round trip of its own) and the writes follow.
   */
  createDecisionOnce(decision: Decision, listing: DecisionListing, requestId: string): DecisionCreation;
  getDecision(ref: DecisionRef): Promise<Decision | null>;
  setDecisionMessage(ref: DecisionRef, message: { channel: string; ts: string }): Promise<void>;
  /**
   * Saves one step's answers and the person's progress together, only if the decision exists and only once
   * per `deliveryId` (a submission Slack delivers twice, or a double click, is saved once): the person's last
   * RECENT_DELIVERIES deliveries to the decision are kept with their answers. Returns the
   * decision and the answer set as they now stand. `progress.finishedAt` marks the questionnaire finished;
   * when absent, an earlier finish is kept. A finish asks for the message to be republished and puts a thread
   * note for the person in the outbox (one per person until it is posted), in the same write. A save also lists
   * the decision on the person's Home (for "forget me" too), renewing that list's TTL with the answers' own.
   */
  saveStep(
    ref: DecisionRef,
    userId: string,
    step: { id: string; answers: Answers },
    progress: Progress,
    deliveryId: string,
  ): Promise<SavedStep>;
  getAnswerSet(ref: DecisionRef, userId: string): Promise<AnswerSet | null>;
  /** Every person's answers, ordered by user id. */
  listAnswerSets(ref: DecisionRef): Promise<AnswerSet[]>;
  /**
   * The decisions of a tenant that hold answers of this person, found by looking at every decision, not
   * through an index that might miss one ("forget me" relies on it).
   */
  answeredDecisions(teamId: string, userId: string): Promise<string[]>;
  /** Removes one person's answers from a decision ("forget me"), asking for a republish; true if there were any. */
  forgetAnswers(ref: DecisionRef, userId: string): Promise<boolean>;
  /**
   * Closes (or, with null, reopens) a decision, asking for a republish, and returns it as it now stands; null
   * when it does not exist or already was so, which makes exactly one of two simultaneous closes the one that
   * goes on.
   */
  setDecisionClosed(ref: DecisionRef, closure: Closure | null): Promise<Decision | null>;
  /**
   * Takes the publish lease if the decision message lags behind the store (a change asked for a version not yet
   * published, or a thread note is waiting) and nobody holds the lease: one publisher per decision at a time,
   * across instances. Every change that alters the message (a finish, a close or reopen, forgotten answers)
   * asks for a new version in the same write that makes it, so whatever happens to the request afterwards the
   * lag stays visible here. 'clean': nothing to publish (or no such decision); 'busy': another holder has it
   * and publishes every version asked for before it lets go.
   */
  claimPublish(ref: DecisionRef, holder: string, leaseMs: number): Promise<PublishClaim>;
  /**
   * The holder published `version`. Returns a newer version asked for meanwhile (the lease is kept: publish
   * again), or null, with the lease released in the same step so no request can slip between.
   */
  finishPublish(ref: DecisionRef, holder: string, version: number, leaseMs: number): Promise<number | null>;
  /** The holder failed: the lease is released at once (if still held) and the lag is left for a sweeper. */
  abandonPublish(ref: DecisionRef, holder: string): Promise<void>;
  /** Thread notes waiting to be posted, oldest finish first. */
  pendingNotes(ref: DecisionRef): Promise<PendingNote[]>;
  /** A note was posted (or can never be): it leaves the outbox. */
  notePosted(ref: DecisionRef, userId: string): Promise<void>;
  /**
   * Puts a decision on the list a sweeper on any instance works through (replacing its time if it is there):
   * written before a change, so a change never exists without it.
   */
  markDirty(ref: DecisionRef, dueAt: Date): Promise<void>;
  /**
   * Decisions marked dirty and due by `now`, each handed to one caller: a claimed one is hidden for `leaseMs`.
   * `claim` identifies this claim for `settleDirty`.
   */
  claimDirty(now: Date, leaseMs: number, limit: number): Promise<DirtyClaim[]>;
  /** Removes a claimed decision from the list, unless it was marked again since the claim. */
  settleDirty(claim: DirtyClaim): Promise<void>;
  /** Puts an item on the due-list (replacing its time if it is there already). */
  schedule(item: DueItem, at: Date): Promise<void>;
  /** Takes an item off the due-list and forgets its failures. */
  unschedule(item: DueItem): Promise<void>;
  /** Counts one failed attempt at a due item; returns the count so far and when the first one failed. */
  noteDueFailure(item: DueItem, at: Date): Promise<DueFailures>;
  /**
   * Items due by `now`, each handed to one caller only: a claimed item is hidden for `leaseMs`, so it is
   * retried if its claimer dies before `unschedule`.
   */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<DueItem[]>;
  /** Takes every due item of one tenant off the due-list (its token was revoked); returns how many there were. */
  unscheduleTenant(teamId: string): Promise<number>;
  /**
   * Deletes everything kept for one tenant (a workspace, or an org for an org-wide install): its decisions,
   * answer sets, request markers, indexes, due items and its outbox (dirty-list entries and pending thread
   * notes), in bounded batches. Erasing again finds nothing.
   */
  eraseTenant(teamId: string): Promise<TenantErasure>;
  /** How many items are on the due-list, and how many of them are due by `now` and not claimed: for metrics. */
  dueCounts(now: Date): Promise<{ waiting: number; overdue: number }>;
  /** Remembers that a person started or answered a decision, for their App Home. */
  rememberForHome(ref: DecisionRef, userId: string, at: Date): Promise<void>;
  /** The decisions a person started or answered, most recent first. */
  homeDecisions(teamId: string, userId: string, limit: number): Promise<string[]>;
  setLatestInChannel(ref: DecisionRef, channelId: string): Promise<void>;
  /** The decision most recently started in a channel. */
  latestInChannel(teamId: string, channelId: string): Promise<string | null>;
  /**
   * Claims one request Slack may deliver more than once (a slash command by its trigger id, an event by its
   * event id) for a tenant: true for the first claim, false for every repeat within a day.
   */
  claimRequest(teamId: string, requestId: string): Promise<boolean>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export { StoreUnavailableError } from '../errors.js';

/**
 * How many of a person's deliveries to one decision are remembered as handled: a repeat (Slack's retry, a double
 * click, two instances at once) comes within seconds of the first, long before the person has submitted four more.
 */
export const RECENT_DELIVERIES = 4;

/** Retention is set in days (RETENTION_DAYS); Redis and the memory store count in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;
