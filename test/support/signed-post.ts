import { signRequest } from '../../src/emulator/index.js';

/** Posts a raw body to the app as Slack would, signed, with headers the caller may break on purpose. */
export async function postSigned(
  url: string,
  signingSecret: string,
  body: string,
  options: {
    timestampSeconds?: number;
    contentType?: string;
    headers?: Record<string, string | undefined>;
    /** Send this instead of the body that was signed, as a tampering proxy would. */
    sentBody?: string;
  } = {},
): Promise<{ status: number; body: string }> {
  const signed = signRequest(signingSecret, body, options.timestampSeconds ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    ...signed,
    ...options.headers,
  })) {
    if (value !== undefined) headers[name] = value;
  }
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: options.sentBody ?? body,
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, body: await response.text() };
}
