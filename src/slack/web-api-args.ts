import querystring from 'node:querystring';

/**
 * Web API arguments whose object values (`view`, `blocks`) WebClient serialises once. Before sending,
 * WebClient (`@slack/web-api` 8, `makeRequest`) builds a redacted copy of every request body and JSON-encodes
 * it for a debug line, whether debug logging is on or not, and only then JSON-encodes each object value for
 * the form body: three walks of the Block Kit where one is needed (and, handed the value as a JSON string
 * instead, the debug line escapes every quote of it). Each object value is handed over as a `JsonOnly`: it
 * has no fields of its own, so the redacted copy and its debug line see `{}`, and `JSON.stringify` of it is
 * `JSON.stringify` of the value, which is what WebClient puts in the form body: the bytes on the wire do not
 * change. The type stays the arguments' own, so the payload is still checked against it. Not for
 * `files.uploadV2`, which reads its arguments' objects.
 */
export function serialised<Args extends object>(args: Args): Args {
  const sent: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    sent[key] =
      value !== null && typeof value === 'object' && !Buffer.isBuffer(value) ? new JsonOnly(value) : value;
  }
  return sent as Args;
}

/** A value seen only by JSON.stringify: nothing to enumerate, and its JSON is the value's. */
class JsonOnly {
  readonly #value: unknown;

  constructor(value: unknown) {
    this.#value = value;
  }

  toJSON(): unknown {
    return this.#value;
  }

  /** As a string (WebClient's multipart body, for arguments with a file), the same JSON. */
  toString(): string {
    return JSON.stringify(this.#value);
  }
}

/**
 * WebClient form-encodes every body with `querystring.stringify`, whose percent-encoding runs a character at a
 * time in JavaScript: for the few kilobytes of a modal that was about a third of a `views.open`'s own cost and
 * 100 KB of garbage a slash command. Node documents `querystring.escape` as the place to put a replacement;
 * `encodeURIComponent` leaves the same characters as it (letters, digits, `-_.!~*'()`) and encodes every other
 * code point the same way, natively. A lone surrogate (half an emoji; the app's own cuts never make one, see
 * cutText, and JSON.stringify escapes it) would make it throw, failing the call for good, where querystring wrote
 * a wrong character: it is sent as U+FFFD instead. Process-wide, and so set once, by the running app (server.ts).
 */
export function useNativeFormEncoding(): void {
  querystring.escape = (text: string) => encodeURIComponent(text.toWellFormed());
}

declare global {
  interface String {
    /** ES2024 (Node 20 has it; the project's lib is ES2023): lone surrogates become U+FFFD. */
    toWellFormed(): string;
  }
}
