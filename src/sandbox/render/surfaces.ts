/**
 * The surfaces of the sandbox page, each rendered from what the emulated workspace holds: the channel's
 * messages (with the ephemeral ones only the viewer sees), a thread, and the viewer's open modal.
 */
import { format } from 'date-fns';
import type { EphemeralMessage, OpenView, PostedMessage, SharedFile } from '../../emulator/index.js';
import { renderBlocks, renderText } from './blocks.js';
import { html, type SafeHtml } from './html.js';
import type { Directory } from './mrkdwn.js';
import { renderMrkdwn } from './mrkdwn.js';

/** Who wrote a message, as the page shows them. */
export interface Author {
  name: string;
  initials: string;
  color: string;
  isApp: boolean;
}

export interface SurfaceContext {
  directory: Directory;
  author(userId: string): Author;
  /** The app, which sends every ephemeral message. */
  app: Author;
}

function timeOf(ts: string): string {
  return format(new Date(Number(ts) * 1000), 'HH:mm');
}

function content(message: { text: string; blocks?: readonly unknown[] }, context: SurfaceContext): SafeHtml {
  return message.blocks && message.blocks.length > 0
    ? renderBlocks(message.blocks, { directory: context.directory })
    : html`<div class="bk-text">${renderMrkdwn(message.text, context.directory)}</div>`;
}

function avatar(author: Author): SafeHtml {
  return html`<div class="avatar" style="background:${author.color}" aria-hidden="true">${author.initials}</div>`;
}

function header(author: Author, ts: string, note?: SafeHtml): SafeHtml {
  return html`<div class="message-header">
    <span class="author">${author.name}</span>${author.isApp ? html`<span class="badge">App</span>` : ''}
    <time>${timeOf(ts)}</time>${note ?? ''}
  </div>`;
}

/** Where the page downloads a shared file's content. */
export function fileHref(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}`;
}

function sizeOf(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A file shared with a message, as Slack shows it: a card with its name, kind and size, downloadable. */
function renderFileCard(file: SharedFile): SafeHtml {
  const kind = (file.name.split('.').at(-1) ?? 'file').slice(0, 4).toUpperCase();
  return html`<div class="file-card" data-file-id="${file.id}">
    <span class="file-icon" aria-hidden="true">${kind}</span>
    <div class="file-meta">
      <a class="file-name" href="${fileHref(file.id)}" download="${file.name}">${file.title || file.name}</a>
      <span class="file-detail">${file.name} · ${sizeOf(file.size)}</span>
    </div>
    <a class="bk-button file-download" href="${fileHref(file.id)}" download="${file.name}">Download</a>
  </div>`;
}

export function renderMessage(
  message: PostedMessage,
  context: SurfaceContext,
  thread?: { replies: readonly PostedMessage[] },
): SafeHtml {
  const author = context.author(message.user);
  const edited = message.editCount > 0 ? html`<span class="edited">(edited)</span>` : undefined;
  const replies = thread?.replies ?? [];
  const repliers = [...new Set(replies.map((reply) => context.author(reply.user).name))];
  return html`<article class="message" data-channel="${message.channel}" data-ts="${message.ts}" aria-label="Message from ${author.name}">
    ${avatar(author)}
    <div class="message-body">
      ${header(author, message.ts, edited)}
      <div class="message-content">${content(message, context)}</div>
      ${(message.files ?? []).map(renderFileCard)}
      ${
        replies.length === 0
          ? ''
          : html`<button type="button" class="replies" data-open-thread="${message.ts}">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}<span class="repliers"> · ${repliers.join(', ')}</span></button>`
      }
    </div>
  </article>`;
}

export function renderEphemeral(message: EphemeralMessage, context: SurfaceContext): SafeHtml {
  const author = context.app;
  return html`<article class="message ephemeral" data-channel="${message.channel}" data-ts="${message.ts}" data-ephemeral aria-label="Message from ${author.name}, only visible to you">
    ${avatar(author)}
    <div class="message-body">
      ${header(author, message.ts, html`<span class="only-you">Only visible to you</span>`)}
      <div class="message-content">${content(message, context)}</div>
    </div>
  </article>`;
}

/** Channel messages and the viewer's ephemeral messages, oldest first. */
export function renderChannel(input: {
  messages: readonly PostedMessage[];
  repliesTo: (ts: string) => readonly PostedMessage[];
  ephemeral: readonly EphemeralMessage[];
  context: SurfaceContext;
}): SafeHtml {
  const items = [
    ...input.messages.map((message) => ({
      ts: message.ts,
      markup: renderMessage(message, input.context, { replies: input.repliesTo(message.ts) }),
    })),
    ...input.ephemeral.map((message) => ({
      ts: message.ts,
      markup: renderEphemeral(message, input.context),
    })),
  ].sort((a, b) => Number(a.ts) - Number(b.ts));
  if (items.length === 0) {
    return html`<p class="empty-channel">This is the very beginning of the channel. Type <code>/stream-verdict</code> and a title below to start a decision.</p>`;
  }
  return html`${items.map((item) => item.markup)}`;
}

export function renderThread(input: {
  parent: PostedMessage;
  replies: readonly PostedMessage[];
  context: SurfaceContext;
}): SafeHtml {
  const { replies } = input;
  return html`<div class="thread-parent">${renderMessage(input.parent, input.context)}</div>
    <div class="thread-count">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</div>
    <div class="thread-replies">${replies.map((reply) => renderMessage(reply, input.context))}</div>`;
}

/** The app's Home tab as the viewer sees it (Apps → Stream Verdict), or a note until the app publishes it. */
export function renderHome(input: { home: OpenView | undefined; directory: Directory }): SafeHtml {
  if (!input.home) return html`<p class="empty-channel">Opening the app’s Home tab…</p>`;
  const { view } = input.home;
  return html`<section class="home" data-view-id="${view.id}" aria-label="Stream Verdict Home">
    ${renderBlocks(view.blocks, { directory: input.directory })}
  </section>`;
}

/** The viewer's modal: the top of their stack, with what they entered and the errors under fields. */
export function renderModal(input: {
  open: OpenView;
  depth: number;
  directory: Directory;
  jsonHref: string;
}): SafeHtml {
  const { view, errors } = input.open;
  const title = view.title?.text ?? '';
  const close = view.close?.text ?? 'Cancel';
  return html`<div class="modal-backdrop">
    <form class="modal" role="dialog" aria-modal="true" aria-labelledby="modal-title" novalidate data-view-id="${view.id}">
      <header class="modal-header">
        ${input.depth > 1 ? html`<button type="button" class="modal-icon" data-close-view aria-label="Back to the previous view">←</button>` : ''}
        <h2 id="modal-title">${renderText(view.title, input.directory)}</h2>
        <button type="button" class="modal-icon" data-close-view aria-label="Close ${title}">✕</button>
      </header>
      <div class="modal-body">${renderBlocks(view.blocks, { directory: input.directory, state: view.state, errors })}</div>
      <footer class="modal-footer">
        <a class="modal-json" href="${input.jsonHref}" target="_blank" rel="noopener">View JSON</a>
        <button type="button" class="bk-button" data-close-view>${close}</button>
        ${view.submit ? html`<button type="submit" class="bk-button bk-primary">${view.submit.text}</button>` : ''}
      </footer>
    </form>
  </div>`;
}
