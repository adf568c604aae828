/**
 * An HTTP server that answers as Slack's Web API does, for the real `WebClient` (`slackApiUrl: server.url`).
 *
 * Requests arrive as `POST /api/<method>`, form-encoded (object arguments as JSON strings) or JSON, with the
 * token in `Authorization: Bearer …` or a `token` field. `apps.connections.open` takes the app-level token
 * (Socket Mode) and every other method a bot token, as in Slack. `oauth.v2.access` exchanges an install's code
 * for a bot token and, with token rotation on, an expiring token for a fresh one (`grant_type=refresh_token`);
 * a revoked token is answered `token_revoked`, an expired one `token_expired`. Every answer is HTTP 200 with `{ ok, … }`, except a
 * simulated rate limit (429 with `Retry-After`). It also serves the response URLs it hands out in payloads
 * (`POST /hooks/<id>`). Every request is recorded for inspection. Tokens and installs: web-api-tokens.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { deliverResponseMessage } from './response-messages.js';
import { failure, type SlackApiResponse, WEB_API_METHODS } from './web-api-methods.js';
import { type InstallOptions, WebApiTokens } from './web-api-tokens.js';
import type { ResponseContext, Workspace } from './workspace.js';

export type { InstallOptions } from './web-api-tokens.js';

/**
 * One request the server answered. `method` is the Web API method, `response_url` for hook posts, or
 * `file_upload` for content posted to an upload URL.
 */
export interface RecordedCall {
  method: string;
  /** Decoded arguments: form fields, with JSON-valued fields (blocks, view, …) parsed. The token is left out. */
  args: Record<string, unknown>;
  response: unknown;
  httpStatus: number;
  /** When it was answered, by the workspace clock (ms). */
  at: number;
}

export interface WebApiServerOptions {
  workspace: Workspace;
  /** Tokens the server accepts; when given, any other token is answered with `invalid_auth`. */
  tokens?: readonly string[];
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Keep only this many recorded calls, newest last, so a long-running server does not grow without end. */
  maxRecordedCalls?: number;
  /** Socket Mode: the app-level token (xapp-…) `apps.connections.open` accepts, and the URLs it hands out. */
  socketMode?: { appToken: string; issueConnectionUrl: () => string };
  /** How an OAuth install goes (oauth.v2.access); by default a workspace install of the first token. */
  install?: InstallOptions;
}

/** How many calls to one method were answered `ok`, and how many with each error. */
export interface MethodTally {
  ok: number;
  errors: Record<string, number>;
}

type ScheduledAnswer =
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'error'; error: string }
  | { kind: 'hang' };

/** Argument fields that carry JSON when form-encoded, as `WebClient` serializes them. */
const JSON_ARGUMENTS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files']);

export class WebApiServer {
  /** Base URL to give `WebClient` as `slackApiUrl`, e.g. `http://127.0.0.1:53211/api/`. */
  readonly url: string;
  /** e.g. `http://127.0.0.1:53211` */
  readonly origin: string;

  private readonly recorded: RecordedCall[] = [];
  private readonly tokens: WebApiTokens;
  private readonly tallies = new Map<string, MethodTally>();
  private readonly scheduled = new Map<string, ScheduledAnswer[]>();
  private readonly delays = new Map<string, number[]>();

  private constructor(
    private readonly server: Server,
    private readonly workspace: Workspace,
    tokens: readonly string[] | undefined,
    private readonly maxRecordedCalls: number,
    private readonly socketMode: WebApiServerOptions['socketMode'],
    install: InstallOptions,
  ) {
    this.tokens = new WebApiTokens(workspace, tokens, socketMode?.appToken, install);
    const { address, port } = server.address() as AddressInfo;
    this.origin = `http://${address}:${port}`;
    this.url = `${this.origin}/api/`;
  }

  static async start(options: WebApiServerOptions): Promise<WebApiServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const apiServer = new WebApiServer(
      server,
      options.workspace,
      options.tokens,
      options.maxRecordedCalls ?? Number.POSITIVE_INFINITY,
      options.socketMode,
      options.install ?? {},
    );
    server.on('request', (request, response) => {
      apiServer.handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    return apiServer;
  }

  /** A response URL to put in a payload; posts to it deliver messages in `context`. */
  responseUrlFor(context: ResponseContext): string {
    return `${this.origin}/hooks/${this.workspace.issueResponseUrlId(context)}`;
  }

  /** Recorded requests, oldest first, optionally only those for one method. */
  calls(method?: string): RecordedCall[] {
    return this.recorded.filter((call) => method === undefined || call.method === method);
  }

  /**
   * Per method (`response_url` for hook posts), how every call so far was answered. Kept whatever
   * `maxRecordedCalls` is, so a long run (the benchmark) can still count failures.
   */
  tally(): Record<string, MethodTally> {
    return Object.fromEntries([...this.tallies].map(([method, tally]) => [method, structuredClone(tally)]));
  }

  /** Every bot token stops working, as when an admin revokes them or removes the app: calls get `token_revoked`. */
  revokeBotTokens(): void {
    this.tokens.revokeAll();
  }
  /** The bot tokens that still work now (neither revoked nor expired), oldest first. */
  liveBotTokens(): string[] {
    return this.tokens.live();
  }
  /** The next call to `method` is answered HTTP 429 with `Retry-After`, as Slack's rate limiter does. */
  rateLimitNext(method: string, retryAfterSeconds = 1): void {
    this.schedule(method, { kind: 'rate_limit', retryAfterSeconds });
  }

  /** The next call to `method` is answered as usual, but only after `ms`: a slow Slack, for work in flight. */
  delayNext(method: string, ms: number): void {
    const delays = this.delays.get(method) ?? [];
    this.delays.set(method, [...delays, ms]);
  }

  /** The next `times` calls to `method` are answered `{ ok: false, error }`. */
  failNext(method: string, error: string, times = 1): void {
    for (let call = 0; call < times; call++) this.schedule(method, { kind: 'error', error });
  }

  /** The next call to `method` is never answered: the connection stays open until the caller gives up. */
  hangNext(method: string): void {
    this.schedule(method, { kind: 'hang' });
  }

  /** Forgets every answer scheduled for `method` (failures, rate limits, hangs) that has not been used yet. */
  clearScheduled(method: string): void {
    this.scheduled.delete(method);
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // WebClient keeps connections alive; without this, close() would wait for them to time out.
    this.server.closeAllConnections();
    await closed;
  }

  private record(call: RecordedCall): void {
    const tally = this.tallies.get(call.method) ?? { ok: 0, errors: {} };
    const answer = call.response as SlackApiResponse;
    if (answer.ok) tally.ok += 1;
    else tally.errors[answer.error] = (tally.errors[answer.error] ?? 0) + 1;
    this.tallies.set(call.method, tally);
    this.recorded.push(call);
    const excess = this.recorded.length - this.maxRecordedCalls;
    if (excess > 0) this.recorded.splice(0, excess);
  }

  private schedule(method: string, answer: ScheduledAnswer): void {
    this.scheduled.set(method, [...(this.scheduled.get(method) ?? []), answer]);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const body = await text(request);
    if (url.pathname.startsWith('/api/')) {
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (this.scheduled.get(method)?.[0]?.kind === 'hang') {
        this.scheduled.get(method)?.shift();
        // Left open; close() ends it with every other connection.
        return;
      }
      const delay = this.delays.get(method)?.shift();
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      this.handleApiCall(method, request, url, body, response);
    } else if (url.pathname.startsWith('/upload/')) {
      await this.handleUpload(url.pathname.slice('/upload/'.length), request, body, response);
    } else if (url.pathname.startsWith('/hooks/')) {
      this.handleResponseUrl(url.pathname.slice('/hooks/'.length), body, response);
    } else {
      response.writeHead(404).end();
    }
  }

  private handleApiCall(
    method: string,
    request: IncomingMessage,
    url: URL,
    body: string,
    response: ServerResponse,
  ): void {
    const decoded = decodeArguments(request.headers['content-type'], url.searchParams, body);
    const { token: bodyToken, ...args } = decoded.args;
    const token =
      bearerToken(request.headers.authorization) ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
    const { httpStatus, payload, headers } = this.answerApiCall(method, args, token, decoded.error);
    this.record({ method, args, response: structuredClone(payload), httpStatus, at: this.workspace.now() });
    response.writeHead(httpStatus, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(payload));
  }

  /** Slack's order of checks: the method must exist, the body must decode, the token must be valid. */
  private answerApiCall(
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
    decodingError: string | undefined,
  ): { httpStatus: number; payload: SlackApiResponse; headers?: Record<string, string> } {
    // The OAuth code exchange is the one call made before the app has any token.
    if (method === 'oauth.v2.access')
      return { httpStatus: 200, payload: this.tokens.exchangeOAuthCode(args) };
    const implementation = WEB_API_METHODS[method];
    if (!implementation)
      return { httpStatus: 200, payload: { ...failure('unknown_method'), req_method: method } };
    const scheduled = this.scheduled.get(method)?.shift();
    if (scheduled?.kind === 'rate_limit') {
      const headers = { 'retry-after': String(scheduled.retryAfterSeconds) };
      return { httpStatus: 429, payload: failure('ratelimited'), headers };
    }
    if (scheduled?.kind === 'error') return { httpStatus: 200, payload: failure(scheduled.error) };
    if (decodingError) return { httpStatus: 200, payload: failure(decodingError) };
    const tokenProblem = this.tokens.problem(method, token);
    if (tokenProblem) return { httpStatus: 200, payload: failure(tokenProblem) };
    const socketModeUrl = this.socketMode?.issueConnectionUrl;
    const context = { origin: this.origin, ...(socketModeUrl ? { socketModeUrl } : {}) };
    return { httpStatus: 200, payload: implementation(args, this.workspace, context) };
  }

  /** An upload URL from files.getUploadURLExternal: the raw content, or a multipart form with the file in it. */
  private async handleUpload(
    fileId: string,
    request: IncomingMessage,
    body: string,
    response: ServerResponse,
  ): Promise<void> {
    const contentType = request.headers['content-type'] ?? '';
    let content = body;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
      const [part] = [...form.values()];
      content = part === undefined ? '' : typeof part === 'string' ? part : await part.text();
    }
    const received = this.workspace.receiveUpload(fileId, content);
    const httpStatus = received ? 200 : 404;
    this.record({
      method: 'file_upload',
      args: { file_id: fileId, bytes: Buffer.byteLength(content) },
      response: received ? { ok: true } : failure('file_not_found'),
      httpStatus,
      at: this.workspace.now(),
    });
    response.writeHead(httpStatus, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(received ? `OK - ${Buffer.byteLength(content)}` : 'Not Found');
  }

  private handleResponseUrl(id: string, body: string, response: ServerResponse): void {
    const context = this.workspace.responseContext(id);
    let args: Record<string, unknown> = {};
    let result: SlackApiResponse;
    let httpStatus = 200;
    if (!context) {
      httpStatus = 404;
      result = failure('no_active_hooks');
    } else {
      try {
        args = JSON.parse(body) as Record<string, unknown>;
        const delivered = deliverResponseMessage(this.workspace, context, args);
        result = delivered.ok ? { ok: true } : failure(delivered.error, delivered.problems);
      } catch {
        result = failure('invalid_payload');
      }
      if (!result.ok) httpStatus = 400;
    }
    this.record({ method: 'response_url', args, response: result, httpStatus, at: this.workspace.now() });
    response.writeHead(httpStatus, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(result));
  }
}

function decodeArguments(
  contentType: string | undefined,
  query: URLSearchParams,
  body: string,
): { args: Record<string, unknown>; error?: string } {
  const args: Record<string, unknown> = Object.fromEntries(query);
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = body === '' ? {} : JSON.parse(body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return { args, error: 'invalid_json' };
      return { args: { ...args, ...parsed } };
    } catch {
      return { args, error: 'invalid_json' };
    }
  }
  if (body !== '' && !contentType?.includes('application/x-www-form-urlencoded')) {
    return { args, error: 'invalid_post_type' };
  }
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = JSON_ARGUMENTS.has(key) ? parseJsonOrKeep(value) : value;
  }
  return { args };
}

/** A malformed JSON argument is kept as a string so the method can answer with its own error name. */
function parseJsonOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
