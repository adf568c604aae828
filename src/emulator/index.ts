/**
 * Slack, emulated in-process: a workspace with people, channels and modals, a Web API server the app's real
 * `WebClient` talks to, and actors that use the app as people do, sending it signed requests.
 *
 *   const slack = await startSlackEmulator({ signingSecret, botToken });
 *   // build the app with clientOptions: { slackApiUrl: slack.apiUrl }, start it, then:
 *   const alice = slack.actorFor('U0ALICE', { appEventsUrl: 'http://127.0.0.1:3000/slack/events' });
 *   await alice.runSlashCommand({ channel: 'C0GENERAL', command: '/verdict' });
 *   await slack.workspace.waitFor(() => slack.workspace.openViewFor('U0ALICE'));
 *   await alice.submitView({ values: { some_block: 'some_option' } });
 *   await slack.close();
 */
import { SlackActor } from './actor.js';
import { type RecordedCall, WebApiServer } from './web-api-server.js';
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
}

export interface SlackEmulator {
  /** Give this to the app's WebClient as `slackApiUrl`. */
  readonly apiUrl: string;
  readonly workspace: Workspace;
  readonly server: WebApiServer;
  /** A person using the app. */
  actorFor(userId: string, options?: { appEventsUrl?: string }): SlackActor;
  /** Web API calls the app made, oldest first, optionally for one method (e.g. `chat.postMessage`). */
  calls(method?: string): RecordedCall[];
  close(): Promise<void>;
}

export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  const workspace = new Workspace({ ...options.workspace, ...(options.now ? { now: options.now } : {}) });
  const server = await WebApiServer.start({
    workspace,
    tokens: [options.botToken],
    ...(options.maxRecordedCalls !== undefined ? { maxRecordedCalls: options.maxRecordedCalls } : {}),
  });
  return {
    apiUrl: server.url,
    workspace,
    server,
    actorFor(userId, actorOptions = {}) {
      const appEventsUrl = actorOptions.appEventsUrl ?? options.appEventsUrl;
      if (!appEventsUrl)
        throw new Error('actorFor needs the app events URL (startSlackEmulator or actorFor option)');
      return new SlackActor({
        workspace,
        userId,
        appEventsUrl,
        signingSecret: options.signingSecret,
        responseUrlFor: (context) => server.responseUrlFor(context),
        ...(options.ackTimeoutMs !== undefined ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
      });
    },
    calls: (method) => server.calls(method),
    close: () => server.close(),
  };
}

export {
  ACK_TIMEOUT_MS,
  type AppReply,
  type ClickTarget,
  type CloseResult,
  SlackActor,
  type SlackActorOptions,
  type SubmitOutcome,
  type SubmitResult,
} from './actor.js';
export { BLOCK_KIT_LIMITS, checkMessageBlocks, checkMessageText, checkView, type Problem } from './limits.js';
export { eventCallbackBody, interactiveBody, slashCommandBody } from './payloads.js';
export { type SlackSignatureHeaders, signRequest } from './signing.js';
export type { EmulatedView, SharedFile, SlackMessage, ViewState, ViewStateValue } from './types.js';
export type { Answer, Answers } from './view-state.js';
export type { MethodTally, RecordedCall, WebApiServerOptions } from './web-api-server.js';
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
