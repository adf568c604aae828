/**
 * Slack's side of Socket Mode. `apps.connections.open` hands the app a one-time URL on this server; the app
 * opens a WebSocket there and is greeted with `hello`. From then on each request reaches it as an envelope,
 * `{ envelope_id, payload, type, accepts_response_payload }`, and it acknowledges by sending back
 * `{ envelope_id, payload }`, where `payload` is what it would have answered over HTTP.
 *
 * `ws` supplies the server half of the protocol (Node has only a WebSocket client); this file ships in the
 * production build because the offline sandbox runs the emulator.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { ACK_TIMEOUT_MS, type AppRequest, type AppTransport } from './app-transport.js';
import { isJsonObject } from './limits.js';

export type EnvelopeType = AppRequest['type'];

/** How the app answered one envelope: its acknowledgement's payload (absent when it sent none), or why not. */
export type Acknowledgement =
  | { ok: true; payload: Record<string, unknown> | undefined }
  | { ok: false; problem: string };

export interface SocketModeServerOptions {
  /** Named in the `hello` message, as Slack does. */
  appId: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

interface PendingEnvelope {
  socket: WebSocket;
  settle: (ack: Acknowledgement) => void;
}

export class SocketModeServer {
  /** e.g. `ws://127.0.0.1:53212` */
  readonly origin: string;

  private readonly tickets = new Set<string>();
  private readonly connections: WebSocket[] = [];
  private readonly pending = new Map<string, PendingEnvelope>();
  private readonly sockets = new WebSocketServer({ noServer: true });
  private turn = 0;

  private constructor(
    private readonly server: Server,
    private readonly appId: string,
  ) {
    const { address, port } = server.address() as AddressInfo;
    this.origin = `ws://${address}:${port}`;
  }

  static async start(options: SocketModeServerOptions): Promise<SocketModeServer> {
    const server = createServer((_request, response) => {
      response.writeHead(426, { connection: 'close' }).end('Upgrade Required');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const socketServer = new SocketModeServer(server, options.appId);
    server.on('upgrade', (request, socket, head) => {
      const ticket = new URL(request.url ?? '/', socketServer.origin).searchParams.get('ticket');
      // Each URL from apps.connections.open admits one connection, as Slack's do.
      if (!ticket || !socketServer.tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      socketServer.sockets.handleUpgrade(request, socket, head, (websocket) =>
        socketServer.accept(websocket),
      );
    });
    return socketServer;
  }

  /** A fresh one-time connection URL, as `apps.connections.open` returns. */
  issueConnectionUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.origin}/link/?ticket=${ticket}&app_id=${this.appId}`;
  }

  /** Open connections that have been greeted. */
  get connectionCount(): number {
    return this.connections.length;
  }

  /**
   * Sends the app one envelope on one of its connections (in turn, when it holds several) and waits for the
   * acknowledgement with the same envelope_id.
   */
  deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    timeoutMs = ACK_TIMEOUT_MS,
  ): Promise<Acknowledgement> {
    const socket = this.connections[this.turn++ % Math.max(this.connections.length, 1)];
    if (!socket) return Promise.resolve({ ok: false, problem: 'the app has no Socket Mode connection open' });
    const envelopeId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => settle({ ok: false, problem: `the app did not acknowledge within ${timeoutMs} ms` }),
        timeoutMs,
      );
      const settle = (ack: Acknowledgement) => {
        clearTimeout(timer);
        this.pending.delete(envelopeId);
        resolve(ack);
      };
      this.pending.set(envelopeId, { socket, settle });
      const envelope = {
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
      };
      socket.send(JSON.stringify(envelope));
    });
  }

  /** Drops every connection (the app sees them close) and stops listening. */
  async close(): Promise<void> {
    for (const socket of [...this.connections]) socket.terminate();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    this.sockets.close();
    await closed;
  }

  private accept(socket: WebSocket): void {
    this.connections.push(socket);
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    // A failed socket is closed right after; 'close' does the bookkeeping.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.connections.splice(this.connections.indexOf(socket), 1);
      for (const pending of [...this.pending.values()]) {
        if (pending.socket === socket)
          pending.settle({
            ok: false,
            problem: 'the Socket Mode connection closed before the acknowledgement',
          });
      }
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections.length,
        debug_info: { host: 'applink-emulator', approximate_connection_time: 3600 },
        connection_info: { app_id: this.appId },
      }),
    );
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!isJsonObject(message) || typeof message.envelope_id !== 'string') return;
    const { payload } = message;
    this.pending.get(message.envelope_id)?.settle({
      ok: true,
      payload: isJsonObject(payload) ? payload : undefined,
    });
  }
}

/** Delivers an actor's requests as Socket Mode envelopes instead of signed HTTP posts. */
export function socketModeTransport(server: SocketModeServer, ackTimeoutMs = ACK_TIMEOUT_MS): AppTransport {
  return async (request) => {
    const started = performance.now();
    const ack = await server.deliver(request.type, envelopePayload(request), ackTimeoutMs);
    const tookMs = performance.now() - started;
    if (!ack.ok) return { status: null, body: '', tookMs, problems: [ack.problem] };
    // An empty acknowledgement means the same as an empty HTTP 200.
    const answered = ack.payload !== undefined && Object.keys(ack.payload).length > 0;
    return { status: 200, body: answered ? JSON.stringify(ack.payload) : '', tookMs, problems: [] };
  };
}

/**
 * Socket Mode carries the fields Slack would have posted, as JSON: a slash command's form fields as an
 * object of strings, an interactive payload unwrapped from its `payload` field, an event callback as is.
 */
function envelopePayload(request: AppRequest): Record<string, unknown> {
  switch (request.type) {
    case 'slash_commands':
      return Object.fromEntries(new URLSearchParams(request.body));
    case 'interactive':
      return JSON.parse(new URLSearchParams(request.body).get('payload') ?? '{}') as Record<string, unknown>;
    case 'events_api':
      return JSON.parse(request.body) as Record<string, unknown>;
  }
}
