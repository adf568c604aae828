import type { FetchFunction } from '@slack/web-api';

/** What WebClient reads of an answer (`FetchResponse` in its types, which the package does not export). */
export type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/**
 * A fetch Response whose body reads (`text()`, and `arrayBuffer()` for a gzip answer) pass through `around`,
 * set on the object itself: WebClient reads the very Response it was handed, once, and reading it here as well
 * (a clone, a new Response) cost more than the read. Wrappers stack: each one wraps the reads before it.
 */
export function aroundBodyReads<R extends Pick<Response, 'text' | 'arrayBuffer'>>(
  response: R,
  around: {
    text(read: () => Promise<string>): Promise<string>;
    arrayBuffer(read: () => Promise<ArrayBuffer>): Promise<ArrayBuffer>;
  },
): R {
  const text = response.text.bind(response);
  const arrayBuffer = response.arrayBuffer.bind(response);
  return Object.defineProperties(response, {
    text: { value: () => around.text(text), configurable: true },
    arrayBuffer: { value: () => around.arrayBuffer(arrayBuffer), configurable: true },
  });
}
