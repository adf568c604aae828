import type { FetchFunction } from '@slack/web-api';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import type { DecisionStore } from '../store/port.js';
import { aroundBodyReads, type FetchResponse } from './body-reads.js';
import { webApiMethodOf } from './web-api-url.js';

/**
 * What an operator watches (`GET /metrics`, Prometheus text format): requests by Slack surface and outcome,
 * how fast they are acknowledged, Web API calls by method and answer, Redis errors and reconnects, the
 * publisher's pending updates, the due-list, the store's health, and the process itself. One registry per
 * app, so two apps in one process (the tests, the benchmark) count apart.
 */

export type Surface = 'command' | 'action' | 'view' | 'event' | 'options' | 'shortcut' | 'other';
export type RequestOutcome = 'ok' | 'error';

/** Updates being published now, by decision, with when each started: a stuck one shows as an old one. */
export class PendingWork {
  private readonly started = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Marks `key` pending until the returned function is called. */
  begin(key: string): () => void {
    if (!this.started.has(key)) this.started.set(key, this.clock());
    return () => {
      this.started.delete(key);
    };
  }

  get count(): number {
    return this.started.size;
  }

  oldestAgeSeconds(): number {
    const oldest = Math.min(...this.started.values());
    return Number.isFinite(oldest) ? (this.clock() - oldest) / 1000 : 0;
  }
}

/** Slack's error codes are short snake_case words; anything else is not made a label (nor leaked into one). */
const slackErrorCode = z.string().regex(/^[a-z0-9_]{1,64}$/);
const apiAnswerSchema = z.object({ ok: z.boolean(), error: z.string().optional() });

export class AppMetrics {
  readonly registry = new Registry();
  readonly publishing: PendingWork;
  private store: DecisionStore | undefined;
  private now: () => Date = () => new Date();

  private readonly requests = new Counter({
    name: 'stream_verdict_requests_total',
    help: 'Requests from Slack by surface and outcome (error: the listener failed)',
    labelNames: ['surface', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly ackSeconds = new Histogram({
    name: 'stream_verdict_ack_seconds',
    help: 'Time from a request reaching the app to its acknowledgement; Slack gives up after 3 s',
    labelNames: ['surface'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [this.registry],
  });
  private readonly slackCalls = new Counter({
    name: 'stream_verdict_slack_api_calls_total',
    help: 'Web API requests by method and answer: ok, a Slack error code, ratelimited, http_<status> or network_error',
    labelNames: ['method', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly retryAfter = new Histogram({
    name: 'stream_verdict_slack_retry_after_seconds',
    help: 'Retry-After of each 429 from the Web API, by method',
    labelNames: ['method'] as const,
    buckets: [1, 2, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });
  private readonly redisErrors = new Counter({
    name: 'stream_verdict_redis_errors_total',
    help: 'Redis connection errors (kind=connection) and store commands that failed (kind=command)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly redisReconnects = new Counter({
    name: 'stream_verdict_redis_reconnects_total',
    help: 'Times the Redis client started reconnecting',
    registers: [this.registry],
  });

  constructor(options: { clock?: () => number } = {}) {
    this.publishing = new PendingWork(options.clock);
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    const { publishing } = this;
    new Gauge({
      name: 'stream_verdict_publisher_pending',
      help: 'Decision messages this instance is publishing now',
      registers,
      collect() {
        this.set(publishing.count);
      },
    });
    new Gauge({
      name: 'stream_verdict_publisher_oldest_pending_seconds',
      help: 'Age of the oldest update this instance is still publishing (0 when none)',
      registers,
      collect() {
        this.set(publishing.oldestAgeSeconds());
      },
    });
    const app = this;
    new Gauge({
      name: 'stream_verdict_due_items',
      help: 'Reminders and closes on the due-list: all waiting, and those past their time and not yet claimed',
      labelNames: ['state'] as const,
      registers,
      async collect() {
        if (!app.store) return;
        const counts = await app.store.dueCounts(app.now()).catch(() => undefined);
        if (!counts) return;
        this.set({ state: 'waiting' }, counts.waiting);
        this.set({ state: 'overdue' }, counts.overdue);
      },
    });
    new Gauge({
      name: 'stream_verdict_store_up',
      help: '1 while the store answers, 0 while it does not',
      registers,
      async collect() {
        if (!app.store) return;
        this.set((await app.store.health()).status === 'ok' ? 1 : 0);
      },
    });
  }

  /** The store whose health and due-list the gauges read at each scrape. */
  watchStore(store: DecisionStore, now: () => Date): void {
    this.store = store;
    this.now = now;
  }

  requestHandled(surface: Surface, outcome: RequestOutcome): void {
    this.requests.inc({ surface, outcome });
  }

  acknowledged(surface: Surface, seconds: number): void {
    this.ackSeconds.observe({ surface }, seconds);
  }

  redisConnectionError(): void {
    this.redisErrors.inc({ kind: 'connection' });
  }

  redisCommandFailed(): void {
    this.redisErrors.inc({ kind: 'command' });
  }

  redisReconnecting(): void {
    this.redisReconnects.inc();
  }

  /** A `fetch` for the WebClient that counts each request's answer; the answer itself is passed on untouched. */
  observedFetch(inner: FetchFunction = globalThis.fetch): FetchFunction {
    return async (url, init) => {
      const method = webApiMethodOf(String(url)) ?? 'file_upload';
      const count = (outcome: string) => this.slackCalls.inc({ method, outcome });
      let response: FetchResponse;
      try {
        response = await inner(url, init);
      } catch (error) {
        count('network_error');
        throw error;
      }
      if (response.status === 200 && method !== 'file_upload') return countedWhenRead(response, count);
      count(this.outcomeOfStatus(method, response));
      return response;
    };
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  private outcomeOfStatus(method: string, response: FetchResponse): string {
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      if (Number.isFinite(seconds) && seconds >= 0) this.retryAfter.observe({ method }, seconds);
      return 'ratelimited';
    }
    return response.status === 200 ? 'ok' : `http_${response.status}`;
  }
}

/** A Web API answer, counted when WebClient reads its body (see aroundBodyReads). */
function countedWhenRead(response: FetchResponse, count: (outcome: string) => void): FetchResponse {
  const counted = async <Body>(
    read: () => Promise<Body>,
    outcomeOf: (body: Body) => string,
  ): Promise<Body> => {
    let body: Body;
    try {
      body = await read();
    } catch (error) {
      count('network_error');
      throw error;
    }
    count(outcomeOf(body));
    return body;
  };
  return aroundBodyReads(response, {
    text: (read) => counted(read, outcomeOfAnswer),
    arrayBuffer: (read) => counted(read, (bytes) => outcomeOfAnswer(Buffer.from(bytes).toString('utf8'))),
  });
}

/**
 * How Slack's answers begin, `{"ok":true` or `{"ok":false,"error":"<code>"`: the outcome is read there, since
 * WebClient parses the whole body anyway and a second parse of an echoed modal or message cost ~0.25 ms a
 * slash command. An answer that begins otherwise is parsed whole.
 */
const ANSWER_START = /^\s*\{\s*"ok"\s*:\s*(true|false)\s*(?:\}|,\s*(?:"error"\s*:\s*"([^"\\]*)")?)/;

/** `ok`, Slack's error code, or why the answer could not say. */
function outcomeOfAnswer(body: string): string {
  const start = ANSWER_START.exec(body);
  if (start?.[1] === 'true') return 'ok';
  if (start?.[2] !== undefined) return errorLabel(start[2]);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'unreadable';
  }
  const answer = apiAnswerSchema.safeParse(json);
  if (!answer.success) return 'unreadable';
  return answer.data.ok ? 'ok' : errorLabel(answer.data.error);
}

function errorLabel(error: string | undefined): string {
  const code = slackErrorCode.safeParse(error);
  return code.success ? code.data : 'other_error';
}
