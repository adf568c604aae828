import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import {
  type App,
  type BufferedIncomingMessage,
  HTTPModuleFunctions,
  HTTPReceiver,
  type HTTPReceiverOptions,
  HTTPResponseAck,
  type Logger,
} from '@slack/bolt';
import { z } from 'zod';

/**
 * HTTP mode's receiver: Bolt's own HTTPReceiver, with a guard in front of `POST /slack/events` that does, in
 * this order and before Bolt sees anything: read the body up to a limit (413 as soon as it is passed, so an
 * unauthenticated client cannot make the process buffer megabytes), check the signature and that the
 * timestamp is within 5 minutes either way (401), and check that the body is a Slack payload at all (400).
 * The guard's signature check is Bolt's and stricter. A request that passes is then handed to the app as Bolt's
 * receiver hands it (its ack, SSL check and URL verification answers, retry headers, error handler, all Bolt's
 * own exported parts), with the body the guard decoded: Bolt's receiver would decode it again, form and JSON,
 * which for a view submission's few kilobytes was a tenth of the request's own cost.
 */

/** Slack's payloads are a few kilobytes; the largest (a full modal's state) stay far below this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Slack's window for a request's timestamp, applied both ways: a replay is old, a forgery may be early. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** How much of a refused body is read (and dropped) before the connection is cut. */
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

/** Reads a request body, keeping nothing past `limitBytes`: a declared or streamed excess ends the read. */
export function readBodyWithin(req: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes)
    return Promise.resolve({ ok: false, reason: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: BodyRead) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('aborted', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        chunks.length = 0;
        finish({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onAborted = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('aborted', onAborted);
  });
}

/** Slack's v0 signature over the exact raw body, and a timestamp no more than 5 minutes off, either way. */
export function isSignedBySlack(
  headers: IncomingMessage['headers'],
  rawBody: string,
  signingSecret: string,
  nowSeconds: number,
): boolean {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp))
    return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const someObject = z.looseObject({});
const objectOrNull = someObject.nullable().optional();

/**
 * The outer shape of every payload Slack sends, as far as Bolt reads it before any listener runs: Bolt
 * dereferences these fields unchecked, so a signed `null`, `[]`, `"x"` or `{"event": null}` would throw
 * inside it. Listeners validate the fields they use with their own schemas.
 */
const slackPayloadSchema = z
  .looseObject({
    type: z.string().optional(),
    command: z.string().optional(),
    event: z
      .looseObject({
        type: z.string(),
        channel: z.union([z.string(), someObject]).optional(),
        item: someObject.optional(),
      })
      .optional(),
    team: objectOrNull,
    enterprise: objectOrNull,
    user: someObject.optional(),
    channel: someObject.optional(),
    view: someObject.optional(),
    container: someObject.optional(),
    message: someObject.optional(),
    actions: z.array(someObject).optional(),
    authorizations: z.array(someObject).optional(),
  })
  .refine((body) => body.type !== undefined || body.command !== undefined, {
    error: 'neither a type nor a command',
  });

type FormFields = ReturnType<typeof parseQueryString>;

const PAYLOAD_FIELD = 'payload=';

/**
 * A form body's fields, exactly as `querystring.parse` reads them. An interactive payload (a step's view with
 * its state, a few to tens of KB) comes as one field, `payload=…`: that one is decoded natively, which took
 * 64 µs where querystring's character-by-character scan took 142 µs for 17 KB. Anything else, or a value
 * `decodeURIComponent` refuses (querystring then decodes it leniently), goes to querystring.
 */
export function parseForm(body: string): FormFields {
  if (body.startsWith(PAYLOAD_FIELD) && !body.includes('&')) {
    try {
      const fields: FormFields = Object.create(null);
      fields.payload = decodeURIComponent(body.slice(PAYLOAD_FIELD.length).replaceAll('+', ' '));
      return fields;
    } catch {
      // Malformed percent-encoding: querystring's own lenient decoding below.
    }
  }
  return parseQueryString(body);
}

/**
 * Reads a body the way Bolt would (form fields, a form's `payload` field as JSON, or JSON) and checks its shape:
 * the body Bolt's listeners get, or undefined when it is not a Slack payload. `form`: the body's fields, for a
 * form body.
 */
function slackPayloadOf(rawBody: string, form: FormFields | undefined): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    if (form) body = 'payload' in form ? JSON.parse(String(singleValue(form.payload))) : form;
    else body = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  return slackPayloadSchema.safeParse(body).success ? (body as Record<string, unknown>) : undefined;
}

/** A repeated form field arrives as an array, which Bolt would not read as the payload. */
function singleValue(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/**
 * Reads and drops what is left of a refused body, so the client, still sending, gets to read the 413
 * (closing at once would leave it a broken pipe instead); a client that keeps sending is cut off.
 */
function discardRest(req: IncomingMessage, limitBytes: number): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limitBytes) req.socket.destroy();
  });
  req.resume();
}

export interface GuardOptions {
  signingSecret: string;
  endpoint: string;
  logger: Logger;
}

/** What the guard hands on: a signed Slack payload as Bolt's listeners read it, or Slack's SSL check. */
export type GuardedRequest =
  | { kind: 'payload'; req: BufferedIncomingMessage; res: ServerResponse; body: Record<string, unknown> }
  | { kind: 'ssl_check'; res: ServerResponse };

/**
 * Puts the body limit, the signature check and the payload check in front of `deliver`; every other request
 * goes to `inner` (Bolt's own listener: its custom routes and OAuth paths).
 */
export function guardSlackRequests(
  inner: RequestListener,
  deliver: (request: GuardedRequest) => void,
  options: GuardOptions,
): RequestListener {
  const limit = BODY_LIMIT_BYTES;
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== options.endpoint) {
      inner(req, res);
      return;
    }
    void readBodyWithin(req, limit)
      .then((read) => {
        if (!read.ok) {
          if (read.reason === 'aborted') return;
          options.logger.warn(`Refused a request body over ${limit} bytes (413)`);
          refuse(res, 413);
          discardRest(req, DISCARD_LIMIT_BYTES);
          return;
        }
        const rawBody = read.body.toString('utf8');
        const form = req.headers['content-type'] === FORM_CONTENT_TYPE ? parseForm(rawBody) : undefined;
        // Slack's SSL check carries no signature, and gets its answer without anything else of its body.
        if (form?.ssl_check === '1') {
          deliver({ kind: 'ssl_check', res });
          return;
        }
        if (!isSignedBySlack(req.headers, rawBody, options.signingSecret, Math.floor(Date.now() / 1000))) {
          options.logger.warn('Refused a request without a valid Slack signature and timestamp (401)');
          refuse(res, 401);
          return;
        }
        const body = slackPayloadOf(rawBody, form);
        if (!body) {
          options.logger.warn('Refused a signed request whose body is not a Slack payload (400)');
          refuse(res, 400);
          return;
        }
        // Bolt's ack and error handlers read the request as Bolt's receiver leaves it, its body already read.
        const buffered: BufferedIncomingMessage = Object.assign(req, { rawBody: read.body });
        deliver({ kind: 'payload', req: buffered, res, body });
      })
      .catch((error: unknown) => {
        options.logger.error('Failed to take a request to /slack/events', error);
        if (!res.headersSent) refuse(res, 500);
      });
  };
}

type ReceiverOptions = HTTPReceiverOptions & { signingSecret: string; endpoint: string; logger: Logger };

/**
 * Hands a guarded request to the app as Bolt's HTTPReceiver does (`handleIncomingEvent`, Bolt 5), with the
 * same parts and defaults: the SSL check's and URL verification's answers, HTTPResponseAck (the 3 s warning,
 * one ack only, a stored response for processBeforeResponse), the retry headers, and the error handler that
 * answers for a listener that failed before acknowledging.
 */
function deliverToApp(app: () => App | undefined, options: ReceiverOptions) {
  const { logger } = options;
  const processBeforeResponse = options.processBeforeResponse ?? false;
  const onError = options.processEventErrorHandler ?? HTTPModuleFunctions.defaultProcessEventErrorHandler;
  return async (request: GuardedRequest): Promise<void> => {
    if (request.kind === 'ssl_check') {
      HTTPModuleFunctions.buildSSLCheckResponse(request.res);
      return;
    }
    const { req, res, body } = request;
    if (body.type === 'url_verification') {
      HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
      return;
    }
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse,
      ...(options.unhandledRequestHandler
        ? { unhandledRequestHandler: options.unhandledRequestHandler }
        : {}),
      ...(options.unhandledRequestTimeoutMillis !== undefined
        ? { unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMillis }
        : {}),
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await app()?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
        customProperties: options.customPropertiesExtractor?.(req) ?? {},
      });
      if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
    } catch (error) {
      const acknowledged = await onError({
        error: error as Error,
        logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acknowledged) await ack.ack();
    }
  };
}

/** Bolt's HTTPReceiver for `endpoint`, guarded as above. */
export function createGuardedHttpReceiver(options: ReceiverOptions): HTTPReceiver {
  const { endpoint, ...receiverOptions } = options;
  // Bolt's own check of this is off (below): an empty secret would let anyone sign.
  if (!options.signingSecret) throw new Error('HTTP mode needs the signing secret to verify requests');
  const receiver = new HTTPReceiver({
    ...receiverOptions,
    endpoints: [endpoint],
    bodyLimit: BODY_LIMIT_BYTES,
    // The guard checks it before anything else; Bolt's listener gets no request to this endpoint.
    signatureVerification: false,
  });
  // The app this receiver serves, as Bolt tells every receiver (Receiver.init).
  let app: App | undefined;
  const init = receiver.init.bind(receiver);
  receiver.init = (bolt: App) => {
    app = bolt;
    init(bolt);
  };
  const deliver = deliverToApp(() => app, options);
  receiver.requestListener = guardSlackRequests(
    receiver.requestListener,
    (request) => {
      void deliver(request).catch((error: unknown) => {
        options.logger.error('Failed to hand a request to the app', error);
        if (!request.res.headersSent) refuse(request.res, 500);
      });
    },
    { signingSecret: options.signingSecret, endpoint, logger: options.logger },
  );
  return receiver;
}
