import type { Answers } from '../domain/types.js';
import type {
  AnswerSet,
  Decision,
  DecisionRef,
  DecisionStore,
  Progress,
  SavedStep,
  StoreHealth,
} from './port.js';

export interface MemoryStoreOptions {
  retentionDays: number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One process, nothing survives a restart: for trying the app out. Values are deep-copied in and out so the
 * caller can never change stored data by mutating what it holds, just as with Redis.
 */
export class MemoryStore implements DecisionStore {
  private readonly decisions = new Map<string, Entry<Decision>>();
  private readonly answers = new Map<string, Entry<Map<string, AnswerSet>>>();
  private readonly deliveries = new Map<string, Entry<true>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions) {
    this.ttlMs = options.retentionDays * DAY_MS;
    this.now = options.now ?? Date.now;
  }

  async createDecision(decision: Decision): Promise<void> {
    this.decisions.set(refKey(decision), this.entry(structuredClone(decision)));
  }

  async getDecision(ref: DecisionRef): Promise<Decision | null> {
    const entry = this.live(this.decisions, refKey(ref));
    return entry ? structuredClone(entry.value) : null;
  }

  async setDecisionMessage(ref: DecisionRef, message: { channel: string; ts: string }): Promise<void> {
    const entry = this.live(this.decisions, refKey(ref));
    if (!entry) return;
    this.decisions.set(refKey(ref), this.entry({ ...entry.value, message: { ...message } }));
  }

  async saveStep(
    ref: DecisionRef,
    userId: string,
    step: { id: string; answers: Answers },
    progress: Progress,
    deliveryId: string,
  ): Promise<SavedStep> {
    const key = refKey(ref);
    const decision = this.live(this.decisions, key);
    if (!decision) return { status: 'missing' };
    const sets = this.live(this.answers, key)?.value ?? new Map<string, AnswerSet>();
    const previous = sets.get(userId);
    const deliveryKey = `${key}:${deliveryId}`;
    if (this.live(this.deliveries, deliveryKey) && previous) {
      return {
        status: 'duplicate',
        decision: structuredClone(decision.value),
        answerSet: structuredClone(previous),
        finishedBefore: false,
      };
    }
    this.deliveries.set(deliveryKey, { value: true, expiresAt: this.now() + DAY_MS });

    const finishedAt = progress.finishedAt ?? previous?.progress.finishedAt;
    const answerSet: AnswerSet = {
      userId,
      steps: { ...previous?.steps, [step.id]: structuredClone(step.answers) },
      progress: {
        currentStep: progress.currentStep,
        updatedAt: progress.updatedAt,
        ...(finishedAt ? { finishedAt } : {}),
      },
    };
    sets.set(userId, answerSet);
    this.answers.set(key, this.entry(sets));
    this.decisions.set(key, this.entry(decision.value));
    const finishedBefore = progress.finishedAt !== undefined && previous?.progress.finishedAt !== undefined;
    return {
      status: 'saved',
      decision: structuredClone(decision.value),
      answerSet: structuredClone(answerSet),
      finishedBefore,
    };
  }

  async getAnswerSet(ref: DecisionRef, userId: string): Promise<AnswerSet | null> {
    const set = this.live(this.answers, refKey(ref))?.value.get(userId);
    return set ? structuredClone(set) : null;
  }

  async listAnswerSets(ref: DecisionRef): Promise<AnswerSet[]> {
    const sets = this.live(this.answers, refKey(ref))?.value;
    if (!sets) return [];
    const userIds = [...sets.keys()].sort();
    return userIds.map((userId) => structuredClone(sets.get(userId) as AnswerSet));
  }

  async health(): Promise<StoreHealth> {
    return { kind: 'memory', status: 'ok', durable: false, detail: 'in-memory: nothing survives a restart' };
  }

  async close(): Promise<void> {
    this.decisions.clear();
    this.answers.clear();
  }

  private entry<T>(value: T): Entry<T> {
    return { value, expiresAt: this.now() + this.ttlMs };
  }

  private live<T>(map: Map<string, Entry<T>>, key: string): Entry<T> | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }
}

function refKey(ref: DecisionRef): string {
  return `${ref.teamId}:${ref.decisionId}`;
}
