/**
 * Web API arguments with their object values (`view`, `blocks`) already JSON. Before sending, WebClient
 * (`@slack/web-api` 8, `makeRequest`) builds a redacted copy of every request body and serialises it for a
 * debug line, whether debug logging is on or not, and only then serialises each object value for the form
 * body: three walks of the Block Kit where one is needed. A string it sends as is, and its own serialisation
 * is `JSON.stringify` of the same value, so the bytes on the wire do not change. Slack takes `view` and
 * `blocks` as JSON strings; the type stays the arguments' own, so the payload is still checked against it.
 * Not for `files.uploadV2`, which reads its arguments' objects.
 */
export function serialised<Args extends object>(args: Args): Args {
  const sent: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    sent[key] =
      value !== null && typeof value === 'object' && !Buffer.isBuffer(value) ? JSON.stringify(value) : value;
  }
  return sent as Args;
}
