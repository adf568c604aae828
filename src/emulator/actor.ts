/**
 * A person using the app through the emulated Slack. Each action sends the app the exact request Slack would
 * send (a signed HTTP post, or a Socket Mode envelope: the transport is one function), waits for the
 * acknowledgement as Slack does (3 seconds at most), and then applies what Slack does with that
 * acknowledgement: shows a slash command's reply, closes, updates or pushes a modal, or shows errors
 * (submission-reply.ts). How requests reach the app is app-transport.ts.
 */
import { type AppReply, type AppTransport, parseJsonOr } from './app-transport.js';
import { isJsonObject } from './limits.js';
import {
  type ButtonAction,
  eventCallbackBody,
  type InteractionSource,
  interactiveBody,
  messageBlockActionsPayload,
  slashCommandBody,
  viewBlockActionsPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from './payloads.js';
import { deliverResponseMessage } from './response-messages.js';
import { applySubmissionReply, type SubmitOutcome } from './submission-reply.js';
import { type Answers, buildViewState, clientSideErrors } from './view-state.js';
import { toWireMessage } from './web-api-methods.js';
import type { OpenView, ResponseContext, Workspace, WorkspaceUser } from './workspace.js';

export interface SlackActorOptions {
  workspace: Workspace;
  userId: string;
  /** How requests reach the app: `httpTransport(…)`, or `socketModeTransport(…)` from socket-mode-server.ts. */
  transport: AppTransport;
  /** Makes the response_url put in payloads; without it they point at hooks.slack.com and reach nothing. */
  responseUrlFor?: (context: ResponseContext) => string;
}

export interface SubmitResult extends AppReply {
  outcome: SubmitOutcome;
  /** Errors now shown under input blocks, keyed by block_id. */
  errors?: Record<string, string>;
  /** The modal the person sees now, if any. */
  view?: OpenView;
}

export interface CloseResult {
  /** Whether the app was sent `view_closed` (only when the view asked for it with `notify_on_close`). */
  notified: boolean;
  reply?: AppReply;
  view?: OpenView;
}

export interface ClickTarget {
  actionId: string;
  /** Needed only when several buttons share the action_id. */
  blockId?: string;
  /** A message in a channel, or an ephemeral message this person sees. */
  message?: { channel: string; ts: string };
  /** A view; without `message` or `viewId`, the person's open modal. */
  viewId?: string;
}

export class SlackActor {
  readonly userId: string;
  private readonly workspace: Workspace;
  private readonly send: AppTransport;
  private readonly responseUrlFor: (context: ResponseContext) => string;

  constructor(options: SlackActorOptions) {
    this.workspace = options.workspace;
    this.userId = options.userId;
    this.send = options.transport;
    this.responseUrlFor =
      options.responseUrlFor ??
      ((context) =>
        `https://hooks.slack.com/commands/${this.workspace.teamId}/${this.workspace.issueResponseUrlId(context)}`);
    // Fail at creation, not at the first action, for someone who is not in the workspace.
    this.person();
  }

  /** Types `/command text` in a channel. A reply in the acknowledgement is shown as Slack shows it. */
  async runSlashCommand(input: { channel: string; command: string; text?: string }): Promise<AppReply> {
    const person = this.person();
    const channel = this.workspace.resolveChannel(input.channel);
    if (!channel) {
      throw new Error(
        `channel '${input.channel}' is not in the workspace (ids look like C0GENERAL; a fixed list must name it)`,
      );
    }
    const context: ResponseContext = { channel: channel.id, userId: person.id, isEphemeral: true };
    const body = slashCommandBody({
      token: this.workspace.verificationToken,
      teamId: this.workspace.teamId,
      teamDomain: this.workspace.teamDomain,
      channelId: channel.id,
      channelName: channel.isIm ? 'directmessage' : channel.name,
      userId: person.id,
      userName: person.name,
      command: input.command,
      text: input.text ?? '',
      apiAppId: this.workspace.appId,
      ...(this.workspace.orgWideInstall ? { enterprise: this.workspace.orgWideInstall } : {}),
      isEnterpriseInstall: this.workspace.orgWideInstall !== undefined,
      responseUrl: this.responseUrlFor(context),
      triggerId: this.workspace.issueTriggerId(person.id),
    });
    const reply = await this.send({ type: 'slash_commands', body });
    if (reply.status === 200 && reply.body !== '') {
      const delivered = deliverResponseMessage(
        this.workspace,
        context,
        parseJsonOr(reply.body, { text: reply.body }),
      );
      if (!delivered.ok)
        reply.problems.push(`the command's reply was rejected: ${delivered.error}`, ...delivered.problems);
    }
    return reply;
  }

  /**
   * Opens the app's Home tab: the app is sent `app_home_opened` (Events API, JSON, signed) and may publish the
   * tab with views.publish, which `workspace.homeViewFor` then shows.
   */
  async openAppHome(): Promise<AppReply> {
    const person = this.person();
    const home = this.workspace.homeViewFor(person.id);
    const channel = this.workspace.resolveChannel(person.id);
    const eventTs = (this.workspace.now() / 1000).toFixed(6);
    return this.sendEvent({
      type: 'app_home_opened',
      user: person.id,
      channel: channel?.id ?? `D${person.id.slice(1)}`,
      tab: 'home',
      event_ts: eventTs,
      ...(home ? { view: structuredClone(home.view) } : {}),
    });
  }

  /** Sends the app one Events API event, wrapped in an `event_callback` as Slack does. */
  async sendEvent(event: Record<string, unknown>): Promise<AppReply> {
    const body = eventCallbackBody({
      token: this.workspace.verificationToken,
      teamId: this.workspace.teamId,
      apiAppId: this.workspace.appId,
      botUserId: this.workspace.botUserId,
      eventId: this.workspace.issueEventId(),
      eventTime: Math.floor(this.workspace.now() / 1000),
      event,
      ...(this.workspace.orgWideInstall ? { orgWideInstall: this.workspace.orgWideInstall } : {}),
    });
    return this.send({ type: 'events_api', body });
  }

  /**
   * As a workspace admin, removes the app: Slack sends `tokens_revoked` for the bot token, then
   * `app_uninstalled`. Stopping the tokens themselves is the Web API server's part (`revokeBotTokens`).
   */
  async uninstallApp(): Promise<AppReply[]> {
    return [await this.revokeBotToken(), await this.sendEvent({ type: 'app_uninstalled' })];
  }

  /** As a workspace admin, revokes the bot token while the app stays installed: Slack sends `tokens_revoked`. */
  async revokeBotToken(): Promise<AppReply> {
    return this.sendEvent({ type: 'tokens_revoked', tokens: { bot: [this.workspace.botUserId] } });
  }

  /** Clicks a button in a message or a view. */
  async clickButton(target: ClickTarget): Promise<AppReply> {
    const person = this.person();
    const triggerId = this.workspace.issueTriggerId(person.id);
    if (target.message) {
      const { channel, ts } = target.message;
      const posted = this.workspace.message(channel, ts);
      const ephemeral = posted
        ? undefined
        : this.workspace.ephemeralFor(person.id, channel).find((m) => m.ts === ts);
      const shown = posted ?? ephemeral;
      if (!shown) throw new Error(`message ${ts} in ${channel} is not visible to ${person.id}`);
      const blocks = shown.blocks ?? [];
      const payload = messageBlockActionsPayload({
        source: this.source(person),
        triggerId,
        channel: { id: channel, name: this.workspace.resolveChannel(channel)?.name ?? channel },
        messageTs: ts,
        ...(posted ? { message: toWireMessage(posted) } : {}),
        state: buildViewState(blocks),
        responseUrl: this.responseUrlFor({ channel, userId: person.id, messageTs: ts, isEphemeral: !posted }),
        action: this.findButton(blocks, target),
      });
      return this.send({ type: 'interactive', body: interactiveBody(payload) });
    }
    const open = this.visibleView(target.viewId);
    const view = {
      ...structuredClone(open.view),
      state: buildViewState(open.view.blocks, {}, open.view.state),
    };
    const payload = viewBlockActionsPayload({
      source: this.source(person),
      triggerId,
      view,
      action: this.findButton(view.blocks, target),
    });
    return this.send({ type: 'interactive', body: interactiveBody(payload) });
  }

  /**
   * Types into the modal without submitting it. Slack's client keeps `view.state` current as a person types,
   * so a button clicked afterwards (e.g. Back) carries these values in its payload. Throws, as `submitView`
   * does, for an answer the modal does not offer.
   */
  enterValues(input: { values: Answers; viewId?: string }): OpenView {
    const open = this.visibleView(input.viewId);
    this.workspace.setViewState(
      open.view.id,
      buildViewState(open.view.blocks, input.values, open.view.state),
    );
    return open;
  }

  /**
   * Fills in the modal and presses its submit button. Blocks not in `values` keep what was entered before,
   * or their initial value. Slack's client refuses to send a submission with empty required inputs; then
   * `status` is null and the outcome is `errors`.
   */
  async submitView(input: { values?: Answers; viewId?: string } = {}): Promise<SubmitResult> {
    const person = this.person();
    const open = this.visibleView(input.viewId);
    if (open.view.submit === null) throw new Error(`view ${open.view.id} has no submit button`);
    const state = buildViewState(open.view.blocks, input.values ?? {}, open.view.state);
    this.workspace.setViewState(open.view.id, state);
    const refused = clientSideErrors(open.view.blocks, state);
    if (Object.keys(refused).length > 0) {
      this.workspace.setViewErrors(open.view.id, refused);
      return {
        status: null,
        body: '',
        tookMs: 0,
        problems: [],
        outcome: 'errors',
        errors: refused,
        view: open,
      };
    }
    this.workspace.setViewErrors(open.view.id, {});
    const payload = viewSubmissionPayload({
      source: this.source(person),
      triggerId: this.workspace.issueTriggerId(person.id),
      view: structuredClone(open.view),
    });
    const reply = await this.send({ type: 'interactive', body: interactiveBody(payload) });
    const outcome = applySubmissionReply(this.workspace, this.userId, open, reply);
    const view = this.workspace.openViewFor(person.id);
    return {
      ...reply,
      outcome,
      ...(outcome === 'errors' ? { errors: open.errors } : {}),
      ...(view ? { view } : {}),
    };
  }

  /** Presses the modal's close button; the app hears about it only if the view set `notify_on_close`. */
  async closeView(input: { viewId?: string } = {}): Promise<CloseResult> {
    const person = this.person();
    const open = this.visibleView(input.viewId);
    const isCleared = open.view.clear_on_close;
    this.workspace.closeModals(person.id, { all: isCleared });
    let reply: AppReply | undefined;
    if (open.view.notify_on_close) {
      const payload = viewClosedPayload({
        source: this.source(person),
        view: structuredClone(open.view),
        isCleared,
      });
      reply = await this.send({ type: 'interactive', body: interactiveBody(payload) });
    }
    const view = this.workspace.openViewFor(person.id);
    return { notified: reply !== undefined, ...(reply ? { reply } : {}), ...(view ? { view } : {}) };
  }

  private person(): WorkspaceUser {
    const person = this.workspace.resolveUser(this.userId);
    if (!person) {
      throw new Error(
        `user '${this.userId}' is not in the workspace (ids look like U0ALICE; a fixed roster must list them)`,
      );
    }
    return person;
  }

  private source(person: WorkspaceUser): InteractionSource {
    return {
      token: this.workspace.verificationToken,
      team: { id: this.workspace.teamId, domain: this.workspace.teamDomain },
      user: { id: person.id, username: person.name, name: person.name, team_id: this.workspace.teamId },
      apiAppId: this.workspace.appId,
      ...(this.workspace.orgWideInstall ? { enterprise: this.workspace.orgWideInstall } : {}),
    };
  }

  /** The person can only act on the modal on top of their stack, or their Home tab. */
  private visibleView(viewId: string | undefined): OpenView {
    const top = this.workspace.openViewFor(this.userId);
    const home = this.workspace.homeViewFor(this.userId);
    const open = viewId === undefined ? top : [top, home].find((candidate) => candidate?.view.id === viewId);
    if (!open) {
      throw new Error(
        viewId === undefined
          ? `${this.userId} has no modal open`
          : `view ${viewId} is not visible to ${this.userId} (their top modal is ${top?.view.id ?? 'none'})`,
      );
    }
    return open;
  }

  private findButton(blocks: readonly unknown[], target: ClickTarget): ButtonAction {
    for (const block of blocks) {
      if (!isJsonObject(block) || typeof block.block_id !== 'string') continue;
      if (target.blockId !== undefined && block.block_id !== target.blockId) continue;
      const elements = [block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])];
      const button = elements.find(
        (element) =>
          isJsonObject(element) && element.type === 'button' && element.action_id === target.actionId,
      );
      if (isJsonObject(button)) {
        return {
          action_id: target.actionId,
          block_id: block.block_id,
          text: button.text,
          ...(typeof button.value === 'string' ? { value: button.value } : {}),
          type: 'button',
          action_ts: (this.workspace.now() / 1000).toFixed(6),
        };
      }
    }
    const where = target.blockId ? ` in block '${target.blockId}'` : '';
    throw new Error(`no button with action_id '${target.actionId}'${where}`);
  }
}
