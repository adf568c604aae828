/** A Web API request's URL ends in `/api/<method>`; an upload to the URL Slack hands out does not. */
const API_METHOD = /\/api\/([A-Za-z0-9_.]{1,80})$/;

/**
 * The Web API method a request URL calls (`…/api/chat.postMessage` → `chat.postMessage`), or undefined for any
 * other URL. Read for every attempt of every call (its deadline, its metrics), so without building a URL.
 */
export function webApiMethodOf(url: string): string | undefined {
  const query = url.search(/[?#]/);
  return API_METHOD.exec(query === -1 ? url : url.slice(0, query))?.[1];
}
