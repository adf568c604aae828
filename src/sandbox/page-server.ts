/**
 * The sandbox's web server: the Slack-like page, a small JSON API the page drives the emulated Slack with,
 * and server-sent events telling the page when the workspace changed. Every action goes through a
 * `SlackActor`, so the app receives exactly the signed requests Slack would send; the page only shows what
 * the emulated workspace holds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { PostedMessage, SlackActor, SlackEmulator } from '../emulator/index.js';
import type { SlashCommand } from './manifest.js';
import { PAGE_SCRIPT } from './page/client.js';
import { pageShell } from './page/shell.js';
import { PAGE_STYLE } from './page/style.js';
import type { Directory } from './render/mrkdwn.js';
import {
  type Author,
  renderChannel,
  renderHome,
  renderModal,
  renderThread,
  type SurfaceContext,
} from './render/surfaces.js';
import { APP_COLOR, APP_NAME, SANDBOX_CHANNELS, TEAMMATES } from './roster.js';

export interface PageServerOptions {
  slack: SlackEmulator;
  /** Where the app receives Slack's requests. */
  appEventsUrl: string;
  /** The app's own health check, answered on the sandbox's port too. */
  appHealthUrl: string;
  commands: readonly SlashCommand[];
  port: number;
  host: string;
}

export interface PageServer {
  readonly port: number;
  close(): Promise<void>;
}

const Answer = z.union([z.string(), z.array(z.string()), z.null()]);
const Values = z.record(z.string(), Answer);
const User = z.string().min(1);

const CommandBody = z.object({ user: User, channel: z.string(), text: z.string().trim().min(1) });
const MessageBody = z.object({
  user: User,
  channel: z.string(),
  text: z.string().trim().min(1).max(4000),
  threadTs: z.string().optional(),
});
const ClickBody = z.object({
  user: User,
  actionId: z.string(),
  blockId: z.string().optional(),
  message: z.object({ channel: z.string(), ts: z.string() }).optional(),
  /** A button on the Home tab (or another view that is not the top modal). */
  viewId: z.string().optional(),
  values: Values.optional(),
});
const SubmitBody = z.object({ user: User, values: Values });
const CloseBody = z.object({ user: User });
const HomeBody = z.object({ user: User });

/** A request the page got wrong, or an action a person could not have taken: answered 400 with the reason. */
class BadRequest extends Error {}

class NotFound extends Error {}

/** How many failed Web API calls the page lists, newest first. */
const API_ERRORS_SHOWN = 5;

export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const { slack } = options;
  const { workspace } = slack;
  let version = 0;
  const listeners = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | undefined;
  // Coalesce bursts (an update and a thread reply arrive together) into one notice.
  const unsubscribe = workspace.onChange(() => {
    version += 1;
    pending ??= setTimeout(() => {
      pending = undefined;
      for (const listener of listeners) listener.write(`data: ${version}\n\n`);
    }, 25);
  });
  const heartbeat = setInterval(() => {
    for (const listener of listeners) listener.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  const directory: Directory = {
    userName: (id) =>
      TEAMMATES.find((mate) => mate.id === id)?.name ?? (id === workspace.botUserId ? APP_NAME : undefined),
    channelName: (id) => workspace.channels().find((channel) => channel.id === id)?.name,
  };
  const app: Author = { name: APP_NAME, initials: 'SV', color: APP_COLOR, isApp: true };
  const author = (userId: string): Author => {
    const mate = TEAMMATES.find((candidate) => candidate.id === userId);
    // The roster is fixed, so anyone else posting is the app's bot user.
    return mate ? { name: mate.name, initials: mate.name.slice(0, 1), color: mate.color, isApp: false } : app;
  };
  const context: SurfaceContext = { directory, author, app };

  const teammate = (userId: string) => {
    const mate = TEAMMATES.find((candidate) => candidate.id === userId);
    if (!mate) throw new BadRequest(`${userId} is not one of the sandbox's teammates`);
    return mate;
  };
  const actor = (userId: string): SlackActor =>
    slack.actorFor(teammate(userId).id, { appEventsUrl: options.appEventsUrl });
  /** The channel to show: an unknown or missing id (an old link) shows the first one. */
  const channelToShow = (id: string | null) =>
    SANDBOX_CHANNELS.find((candidate) => candidate.id === id) ?? SANDBOX_CHANNELS[0];
  /** The channel an action happens in, which must exist. */
  const channelId = (id: string) => {
    const found = SANDBOX_CHANNELS.find((candidate) => candidate.id === id);
    if (!found) throw new BadRequest(`there is no channel ${id} in the sandbox`);
    return found.id;
  };

  function threadFor(channelId: string, requested: string | null): PostedMessage | undefined {
    if (requested === 'none') return undefined;
    if (requested && requested !== 'auto') return workspace.message(channelId, requested);
    // By default the most recent conversation is open beside the channel, as after following a notification.
    return workspace
      .messagesIn(channelId)
      .filter((message) => workspace.repliesTo(channelId, message.ts).length > 0)
      .at(-1);
  }

  function page(url: URL) {
    const me = teammate(url.searchParams.get('user') || (TEAMMATES[0]?.id ?? ''));
    const shown = channelToShow(url.searchParams.get('channel'));
    const messages = workspace.messagesIn(shown.id);
    const parent = threadFor(shown.id, url.searchParams.get('thread'));
    const open = workspace.openViewFor(me.id);
    const showHome = url.searchParams.get('home') === '1';
    const hint = options.commands.map((command) => `${command.command} ${command.usageHint ?? ''}`.trim());
    return {
      me: { id: me.id, name: me.name },
      users: TEAMMATES.map(({ id, name }) => ({ id, name })),
      channels: SANDBOX_CHANNELS.map(({ id, name }) => ({ id, name })),
      channel: { id: shown.id, name: shown.name, topic: shown.topic },
      commandHint: hint.join(' · '),
      channelHtml: renderChannel({
        messages,
        repliesTo: (ts) => workspace.repliesTo(shown.id, ts),
        ephemeral: workspace.ephemeralFor(me.id, shown.id),
        context,
      }).value,
      home: showHome ? { html: renderHome({ home: workspace.homeViewFor(me.id), directory }).value } : null,
      thread:
        parent && !showHome
          ? {
              ts: parent.ts,
              html: renderThread({
                parent,
                replies: workspace.repliesTo(shown.id, parent.ts),
                context,
              }).value,
            }
          : null,
      modal: open
        ? {
            key: `${open.view.id}:${open.view.hash}:${JSON.stringify(open.errors)}`,
            html: renderModal({
              open,
              depth: workspace.modalStackFor(me.id).length,
              directory,
              jsonHref: `/api/modal?user=${encodeURIComponent(me.id)}`,
            }).value,
          }
        : null,
      apiErrors: slack
        .calls()
        .filter((call) => (call.response as { ok?: unknown } | null)?.ok === false)
        .slice(-API_ERRORS_SHOWN)
        .reverse()
        .map((call) => {
          const response = call.response as { error?: string; response_metadata?: { messages?: string[] } };
          return [
            `${call.method}: ${response.error ?? 'failed'}`,
            ...(response.response_metadata?.messages ?? []),
          ]
            .join(' ')
            .slice(0, 500);
        }),
    };
  }

  async function act(path: string, body: unknown): Promise<Record<string, unknown>> {
    switch (path) {
      case '/api/command': {
        const input = parse(CommandBody, body);
        const [command = '', ...rest] = input.text.split(/\s+/);
        if (!options.commands.some((known) => known.command === command)) {
          throw new BadRequest(
            `${command} is not a valid command. In Slack, all messages that start with "/" are interpreted as commands; this workspace knows ${options.commands.map((known) => known.command).join(', ')}.`,
          );
        }
        const reply = await actor(input.user).runSlashCommand({
          channel: channelId(input.channel),
          command,
          text: rest.join(' '),
        });
        return { problems: reply.problems };
      }
      case '/api/message': {
        const input = parse(MessageBody, body);
        const mate = teammate(input.user);
        const where = channelId(input.channel);
        if (input.threadTs !== undefined && !workspace.message(where, input.threadTs)) {
          throw new BadRequest('that thread is no longer in the channel');
        }
        // Slack escapes what people type before it becomes mrkdwn.
        const text = input.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        workspace.postMessage({ channel: where, text, user: mate.id, threadTs: input.threadTs });
        return { problems: [] };
      }
      case '/api/click': {
        const input = parse(ClickBody, body);
        const person = actor(input.user);
        if (input.values) person.enterValues({ values: input.values });
        const reply = await person.clickButton({
          actionId: input.actionId,
          ...(input.blockId ? { blockId: input.blockId } : {}),
          ...(input.message ? { message: input.message } : {}),
          ...(input.viewId ? { viewId: input.viewId } : {}),
        });
        return { problems: reply.problems };
      }
      case '/api/home': {
        // Opening the tab is what tells the app (app_home_opened); it then publishes the view.
        const reply = await actor(parse(HomeBody, body).user).openAppHome();
        return { problems: reply.problems };
      }
      case '/api/submit': {
        const input = parse(SubmitBody, body);
        const result = await actor(input.user).submitView({ values: input.values });
        return { outcome: result.outcome, errors: result.errors ?? {}, problems: result.problems };
      }
      case '/api/close': {
        const input = parse(CloseBody, body);
        const result = await actor(input.user).closeView();
        return { problems: result.reply?.problems ?? [] };
      }
      default:
        throw new NotFound();
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(response, 200, 'text/html; charset=utf-8', pageShell());
      case 'GET /assets/sandbox.css':
        return send(response, 200, 'text/css; charset=utf-8', PAGE_STYLE);
      case 'GET /assets/sandbox.js':
        return send(response, 200, 'text/javascript; charset=utf-8', PAGE_SCRIPT);
      case 'GET /healthz': {
        const health = await fetch(options.appHealthUrl).then(
          async (answer) => ({ status: answer.status, body: await answer.text() }),
          (error: unknown) => ({
            status: 503,
            body: JSON.stringify({ status: 'down', error: `the app is not answering: ${String(error)}` }),
          }),
        );
        return send(response, health.status, 'application/json', health.body);
      }
      case 'GET /api/page':
        return sendJson(response, 200, page(url));
      case 'GET /api/modal': {
        const open = workspace.openViewFor(teammate(url.searchParams.get('user') ?? '').id);
        if (!open) return sendJson(response, 404, { ok: false, error: 'no modal is open for this person' });
        return sendJson(response, 200, { ok: true, view: open.view, errors: open.errors });
      }
      case 'GET /api/messages': {
        const shown = channelToShow(url.searchParams.get('channel'));
        const messages = workspace
          .messagesIn(shown.id)
          .map((message) => ({ ...message, replies: workspace.repliesTo(shown.id, message.ts) }));
        return sendJson(response, 200, { ok: true, channel: shown.id, messages });
      }
      case 'GET /api/events':
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        response.write(`data: ${version}\n\n`);
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
        return;
      default:
        if (request.method === 'GET' && url.pathname.startsWith('/api/files/')) {
          return sendFile(response, decodeURIComponent(url.pathname.slice('/api/files/'.length)));
        }
        if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
          const body = await readJson(request);
          return sendJson(response, 200, { ok: true, ...(await act(url.pathname, body)) });
        }
        throw new NotFound();
    }
  }

  /** A file the app uploaded, as it was uploaded, for the card's Download link. */
  function sendFile(response: ServerResponse, fileId: string): void {
    const file = workspace.file(fileId);
    if (file?.content === undefined) throw new NotFound();
    const name = file.filename.replace(/[^\w.-]/g, '_');
    response.writeHead(200, {
      'content-type': name.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(file.content);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof NotFound) return sendJson(response, 404, { ok: false, error: 'not found' });
      if (error instanceof BadRequest) return sendJson(response, 400, { ok: false, error: error.message });
      // An answer the emulated person could not give (an option the modal does not offer, no modal open…).
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 400, { ok: false, error: message });
    });
  });
  await listen(server, options.port, options.host);

  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
      for (const listener of listeners) listener.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new BadRequest(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
    );
  }
  return parsed.data;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const MAX_BODY_BYTES = 256 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  // Only the page's own fetch sends JSON; a form on another site cannot, so it cannot drive the sandbox.
  if (!request.headers['content-type']?.startsWith('application/json')) {
    throw new BadRequest('send JSON (content-type: application/json)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BadRequest('request body is not JSON');
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
