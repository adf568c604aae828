/**
 * Slack, emulated in-process: a workspace with people, channels and modals, a Web API server the app's real
 * `WebClient` talks to, and actors that use the app as people do, sending it signed requests — or, given an
 * app-level token, envelopes over the Socket Mode connection the app opens.
 *
 *   const slack = await startSlackEmulator({ signingSecret, botToken });
 *   // build the app with clientOptions: { slackApiUrl: slack.apiUrl }, start it, then:
 *   const alice = slack.actorFor('U0ALICE', { appEventsUrl: 'http://127.0.0.1:3000/slack/events' });
 *   await alice.runSlashCommand({ channel: 'C0GENERAL', command: '/verdict' });
 *   await slack.workspace.waitFor(() => slack.workspace.openViewFor('U0ALICE'));
 *   await alice.submitView({ values: { some_block: 'some_option' } });
 *   await slack.close();
 *
 * Socket Mode: `startSlackEmulator({ …, appToken: 'xapp-…' })`, start the app with that app token and
 * `slackApiUrl: slack.apiUrl`, then `slack.actorFor('U0ALICE', { transport: 'socket' })`.
 */
import { SlackActor } from './actor.js';
import { httpTransport } from './app-transport.js';
import { SocketModeServer, socketModeTransport } from './socket-mode-server.js';
import { type InstallOptions, type RecordedCall, WebApiServer } from './web-api-server.js';
import { Workspace, type WorkspaceOptions } from './workspace.js';

export interface SlackEmulatorOptions {
  /** The app's signing secret; every request the actors send is signed with it. */
  signingSecret: string;
  /** The bot token the app uses; the Web API answers any other token with `invalid_auth`. */
  botToken: string;
  /** The app's request URL; can also be given per actor, since the app usually starts after the emulator. */
  appEventsUrl?: string;
  /** Clock in ms for trigger-id expiry, timestamps and hashes. Signatures always use wall time. */
  now?: () => number;
  workspace?: Omit<WorkspaceOptions, 'now'>;
  /** How long actors wait for the app's acknowledgement; Slack waits 3000 ms. */
  ackTimeoutMs?: number;
  /** Keep only this many recorded Web API calls (all by default). */
  maxRecordedCalls?: number;
  /** Socket Mode: the app-level token (xapp-…) the app connects with; also starts the Socket Mode server. */
  appToken?: string;
  /** How OAuth installs go: token rotation, an org-wide install (see InstallOptions). */
  install?: InstallOptions;
}

export interface ActorOptions {
  /** `http` (the default) posts to the app's request URL; `socket` sends envelopes over its connection. */
  transport?: 'http' | 'socket';
  appEventsUrl?: string;
}

export interface SlackEmulator {
  /** Give this to the app's WebClient as `slackApiUrl`. */
  readonly apiUrl: string;
  readonly workspace: Workspace;
  readonly server: WebApiServer;
  /** Present when started with an app token. */
  readonly socketMode: SocketModeServer | undefined;
  /** A person using the app. */
  actorFor(userId: string, options?: ActorOptions): SlackActor;
  /** Web API calls the app made, oldest first, optionally for one method (e.g. `chat.postMessage`). */
  calls(method?: string): RecordedCall[];
  close(): Promise<void>;
}

export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  const workspace = new Workspace({ ...options.workspace, ...(options.now ? { now: options.now } : {}) });
  const { appToken } = options;
  const socketMode = appToken ? await SocketModeServer.start({ appId: workspace.appId }) : undefined;
  const server = await WebApiServer.start({
    workspace,
    tokens: [options.botToken],
    ...(options.install ? { install: options.install } : {}),
    ...(options.maxRecordedCalls !== undefined ? { maxRecordedCalls: options.maxRecordedCalls } : {}),
    ...(appToken && socketMode
      ? { socketMode: { appToken, issueConnectionUrl: () => socketMode.issueConnectionUrl() } }
      : {}),
  });
  const ackTimeoutMs = options.ackTimeoutMs;
  const transportFor = (actorOptions: ActorOptions) => {
    if (actorOptions.transport === 'socket') {
      if (!socketMode) throw new Error('a Socket Mode actor needs startSlackEmulator({ appToken })');
      return socketModeTransport(socketMode, ackTimeoutMs);
    }
    const appEventsUrl = actorOptions.appEventsUrl ?? options.appEventsUrl;
    if (!appEventsUrl)
      throw new Error('actorFor needs the app events URL (startSlackEmulator or actorFor option)');
    return httpTransport({
      appEventsUrl,
      signingSecret: options.signingSecret,
      ...(ackTimeoutMs !== undefined ? { ackTimeoutMs } : {}),
    });
  };
  return {
    apiUrl: server.url,
    workspace,
    server,
    socketMode,
    actorFor(userId, actorOptions = {}) {
      return new SlackActor({
        workspace,
        userId,
        transport: transportFor(actorOptions),
        responseUrlFor: (context) => server.responseUrlFor(context),
      });
    },
    calls: (method) => server.calls(method),
    async close() {
      await socketMode?.close();
      await server.close();
    },
  };
}

export {
  type ClickTarget,
  type CloseResult,
  SlackActor,
  type SlackActorOptions,
  type SubmitResult,
} from './actor.js';
export {
  ACK_TIMEOUT_MS,
  type AppReply,
  type AppRequest,
  type AppTransport,
  type HttpTransportOptions,
  httpTransport,
} from './app-transport.js';
export { BLOCK_KIT_LIMITS, checkMessageBlocks, checkMessageText, checkView, type Problem } from './limits.js';
export { eventCallbackBody, interactiveBody, slashCommandBody } from './payloads.js';
export { type SlackSignatureHeaders, signRequest } from './signing.js';
export {
  type Acknowledgement,
  type EnvelopeType,
  SocketModeServer,
  type SocketModeServerOptions,
  socketModeTransport,
} from './socket-mode-server.js';
export type { SubmitOutcome } from './submission-reply.js';
export type { EmulatedView, SharedFile, SlackMessage, ViewState, ViewStateValue } from './types.js';
export type { Answer, Answers } from './view-state.js';
export type { InstallOptions, MethodTally, RecordedCall, WebApiServerOptions } from './web-api-server.js';
export { WebApiServer } from './web-api-server.js';
export {
  type EphemeralMessage,
  MAX_MODAL_STACK,
  type OpenView,
  type PostedMessage,
  TRIGGER_TTL_MS,
  type UploadedFile,
  Workspace,
  type WorkspaceChannel,
  type WorkspaceOptions,
  type WorkspaceUser,
} from './workspace.js';
