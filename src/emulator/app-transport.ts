import { signRequest } from './signing.js';

/** Slack waits this long for an app to acknowledge a request, then shows the person an error. */
export const ACK_TIMEOUT_MS = 3000;

/**
 * One request for the app, as the body Slack would post to its request URL (form fields, or JSON for
 * events), and the Socket Mode envelope type it would travel in instead.
 */
export interface AppRequest {
  type: 'slash_commands' | 'interactive' | 'events_api';
  body: string;
}

/** Delivers one request to the app and brings back its acknowledgement. */
export type AppTransport = (request: AppRequest) => Promise<AppReply>;

export interface HttpTransportOptions {
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  appEventsUrl: string;
  signingSecret: string;
  /**
   * Clock (ms) for signature timestamps. Wall time by default, even when the workspace clock is injected,
   * because the app rejects requests whose timestamp is more than 5 minutes away from its own clock.
   */
  signatureClock?: () => number;
  ackTimeoutMs?: number;
}

/**
 * How the app answered one request. `status` is null when it did not answer in time or could not be reached;
 * over Socket Mode an acknowledgement counts as 200, its payload as the body.
 */
export interface AppReply {
  status: number | null;
  body: string;
  tookMs: number;
  /** Why Slack would show the person an error instead of the app's answer; empty when all went well. */
  problems: string[];
}

/** Posts each request to the app's request URL, signed with its signing secret, as Slack does over HTTP. */
export function httpTransport(options: HttpTransportOptions): AppTransport {
  const { appEventsUrl, signingSecret } = options;
  const signatureClock = options.signatureClock ?? Date.now;
  const ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
  return async ({ type, body }) => {
    const headers = {
      'content-type': type === 'events_api' ? 'application/json' : 'application/x-www-form-urlencoded',
      ...signRequest(signingSecret, body, Math.floor(signatureClock() / 1000)),
    };
    const started = performance.now();
    try {
      const response = await fetch(appEventsUrl, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(ackTimeoutMs),
      });
      const text = await response.text();
      const problems = response.status === 200 ? [] : [`the app answered HTTP ${response.status}`];
      return { status: response.status, body: text, tookMs: performance.now() - started, problems };
    } catch (error) {
      const tookMs = performance.now() - started;
      const problem =
        error instanceof Error && error.name === 'TimeoutError'
          ? `the app did not answer within ${ackTimeoutMs} ms`
          : `could not reach the app at ${appEventsUrl}: ${error instanceof Error ? error.message : String(error)}`;
      return { status: null, body: '', tookMs, problems: [problem] };
    }
  };
}

/** An acknowledgement's body as JSON, or `fallback` when it is not JSON. */
export function parseJsonOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
