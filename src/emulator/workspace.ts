/**
 * The state of one emulated Slack workspace: people, channels, messages, ephemeral messages, the modals each
 * person has open, Home tabs (workspace-views.ts), trigger ids and response URLs. It applies Slack's rules about that state
 * (trigger ids are single use and short lived, at most 3 stacked modals, hashes guard view updates) but does
 * not validate Block Kit: callers check `limits.ts` first, as Slack's API layer does.
 */
import { randomBytes } from 'node:crypto';
import { WorkspaceFiles } from './workspace-files.js';
import { WorkspaceIds } from './workspace-ids.js';
import type {
  EphemeralMessage,
  Outcome,
  PostedMessage,
  ResponseContext,
  Trigger,
  TriggerError,
  WorkspaceChannel,
  WorkspaceOptions,
  WorkspaceUser,
} from './workspace-types.js';
import { WorkspaceViews } from './workspace-views.js';

/** Slack gives a trigger id this long to be exchanged for a modal. */
export const TRIGGER_TTL_MS = 3000;

export type {
  EphemeralMessage,
  OpenView,
  Outcome,
  PostedMessage,
  ResponseContext,
  TriggerError,
  UploadedFile,
  ViewInput,
  WorkspaceChannel,
  WorkspaceOptions,
  WorkspaceUser,
} from './workspace-types.js';
export { MAX_MODAL_STACK } from './workspace-views.js';

export class Workspace {
  readonly orgWideInstall: { id: string; name: string } | undefined;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly teamName: string;
  readonly appId: string;
  readonly botId: string;
  readonly botUserId: string;
  readonly botName: string;
  readonly verificationToken: string;
  readonly now: () => number;

  private readonly rosterIsFixed: boolean;
  private readonly channelListIsFixed: boolean;
  private readonly usersById = new Map<string, WorkspaceUser>();
  private readonly channelsById = new Map<string, WorkspaceChannel>();
  private readonly messagesByChannel = new Map<string, PostedMessage[]>();
  private readonly ephemeralMessages: EphemeralMessage[] = [];
  private readonly triggers = new Map<string, Trigger>();
  private readonly responseContexts = new Map<string, ResponseContext>();
  private readonly changeListeners = new Set<() => void>();
  private readonly ids: WorkspaceIds;
  private readonly views: WorkspaceViews;
  private readonly files: WorkspaceFiles;

  constructor(options: WorkspaceOptions = {}) {
    this.orgWideInstall = options.orgWideInstall;
    this.teamId = options.teamId ?? 'T0001';
    this.teamDomain = options.teamDomain ?? 'emulated';
    this.teamName = options.teamName ?? 'Emulated Workspace';
    this.appId = options.appId ?? 'A0001';
    this.botId = options.botId ?? 'B0001';
    this.botUserId = options.botUserId ?? 'U0BOT';
    this.botName = options.botName ?? 'app';
    this.verificationToken = options.verificationToken ?? 'emulated-verification-token';
    this.now = options.now ?? Date.now;
    this.rosterIsFixed = options.users !== undefined;
    this.channelListIsFixed = options.channels !== undefined;
    for (const user of options.users ?? []) this.usersById.set(user.id, { ...user });
    for (const channel of options.channels ?? []) this.channelsById.set(channel.id, { ...channel });
    this.ids = new WorkspaceIds(this.now, this.teamId);
    this.views = new WorkspaceViews(this.ids, this, () => this.notifyChange());
    this.files = new WorkspaceFiles(
      this.ids,
      (input) => this.postMessage(input),
      () => this.notifyChange(),
    );
  }

  // People and channels

  /** The person with this id; on an open roster they are created on first use. */
  resolveUser(userId: string): WorkspaceUser | undefined {
    const known = this.usersById.get(userId);
    if (known || this.rosterIsFixed || !/^[UW][A-Z0-9]+$/.test(userId)) return known;
    const created = { id: userId, name: userId.toLowerCase() };
    this.usersById.set(userId, created);
    return created;
  }

  /**
   * The channel for an id (or `#name`). A user id resolves to the app's direct message with that person, as
   * chat.postMessage does. With an open channel list, unknown ids are created on first use.
   */
  resolveChannel(idOrName: string): WorkspaceChannel | undefined {
    const known = this.channelsById.get(idOrName);
    if (known) return known;
    const name = idOrName.replace(/^#/, '');
    const byName = [...this.channelsById.values()].find((channel) => channel.name === name);
    if (byName) return byName;
    const user = /^[UW]/.test(idOrName) ? this.resolveUser(idOrName) : undefined;
    if (user)
      return this.addChannel({ id: `D${user.id.slice(1)}`, name: user.name, isIm: true, user: user.id });
    if (this.channelListIsFixed || !/^[CG][A-Z0-9]+$/.test(idOrName)) return undefined;
    return this.addChannel({ id: idOrName, name: idOrName.toLowerCase() });
  }

  /** Changes what the workspace knows about a person (e.g. makes them an admin); creates them on an open roster. */
  updateUser(userId: string, change: Partial<Omit<WorkspaceUser, 'id'>>): WorkspaceUser | undefined {
    const user = this.resolveUser(userId);
    if (!user) return undefined;
    Object.assign(user, change);
    this.notifyChange();
    return user;
  }

  users(): WorkspaceUser[] {
    return [...this.usersById.values()];
  }

  channels(): WorkspaceChannel[] {
    return [...this.channelsById.values()];
  }

  // Messages

  /** Posts a message; the author is the app's bot unless `user` names a person. */
  postMessage(input: {
    channel: string;
    text: string;
    blocks?: unknown[];
    threadTs?: string;
    user?: string;
  }): PostedMessage {
    const byBot = input.user === undefined || input.user === this.botUserId;
    const ts = this.ids.ts();
    const message: PostedMessage = {
      type: 'message',
      ts,
      user: input.user ?? this.botUserId,
      ...(byBot ? { bot_id: this.botId, app_id: this.appId } : {}),
      text: input.text,
      team: this.teamId,
      ...(input.blocks ? { blocks: this.ids.withGeneratedIds(input.blocks) } : {}),
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      channel: input.channel,
      editCount: 0,
      editTimes: [],
    };
    const channelMessages = this.messagesByChannel.get(input.channel) ?? [];
    channelMessages.push(message);
    this.messagesByChannel.set(input.channel, channelMessages);
    this.notifyChange();
    return message;
  }

  /** Replaces the given fields; blocks left out are kept, as chat.update does. */
  updateMessage(
    channel: string,
    ts: string,
    change: { text?: string; blocks?: unknown[] },
  ): PostedMessage | undefined {
    const message = this.message(channel, ts);
    if (!message) return undefined;
    if (change.text !== undefined) message.text = change.text;
    if (change.blocks !== undefined) message.blocks = this.ids.withGeneratedIds(change.blocks);
    message.edited = { user: message.user, ts: this.ids.ts() };
    message.editCount += 1;
    message.editTimes.push(this.now());
    this.notifyChange();
    return message;
  }

  deleteMessage(channel: string, ts: string): boolean {
    const channelMessages = this.messagesByChannel.get(channel) ?? [];
    const index = channelMessages.findIndex((message) => message.ts === ts);
    if (index === -1) return false;
    channelMessages.splice(index, 1);
    this.notifyChange();
    return true;
  }

  message(channel: string, ts: string): PostedMessage | undefined {
    return this.messagesByChannel.get(channel)?.find((message) => message.ts === ts);
  }

  /** Messages in the channel itself, oldest first; thread replies are read with `repliesTo`. */
  messagesIn(channel: string): PostedMessage[] {
    const all = this.messagesByChannel.get(channel) ?? [];
    return all.filter((message) => message.thread_ts === undefined || message.thread_ts === message.ts);
  }

  repliesTo(channel: string, threadTs: string): PostedMessage[] {
    const all = this.messagesByChannel.get(channel) ?? [];
    return all.filter((message) => message.thread_ts === threadTs && message.ts !== threadTs);
  }

  postEphemeral(input: {
    channel: string;
    user: string;
    text: string;
    blocks?: unknown[];
  }): EphemeralMessage {
    const message: EphemeralMessage = {
      channel: input.channel,
      user: input.user,
      ts: this.ids.ts(),
      text: input.text,
      ...(input.blocks ? { blocks: this.ids.withGeneratedIds(input.blocks) } : {}),
    };
    this.ephemeralMessages.push(message);
    this.notifyChange();
    return message;
  }

  replaceEphemeral(ts: string, change: { text: string; blocks?: unknown[] }): EphemeralMessage | undefined {
    const message = this.ephemeralMessages.find((candidate) => candidate.ts === ts);
    if (!message) return undefined;
    message.text = change.text;
    if (change.blocks) message.blocks = this.ids.withGeneratedIds(change.blocks);
    else delete message.blocks;
    this.notifyChange();
    return message;
  }

  deleteEphemeral(ts: string): boolean {
    const index = this.ephemeralMessages.findIndex((message) => message.ts === ts);
    if (index === -1) return false;
    this.ephemeralMessages.splice(index, 1);
    this.notifyChange();
    return true;
  }

  /** Ephemeral messages only this person sees, oldest first. */
  ephemeralFor(userId: string, channel?: string): EphemeralMessage[] {
    return this.ephemeralMessages.filter(
      (message) => message.user === userId && (channel === undefined || message.channel === channel),
    );
  }

  // Files (workspace-files.ts)

  reserveUpload(...args: Parameters<WorkspaceFiles['reserveUpload']>) {
    return this.files.reserveUpload(...args);
  }
  receiveUpload(...args: Parameters<WorkspaceFiles['receiveUpload']>) {
    return this.files.receiveUpload(...args);
  }
  file(...args: Parameters<WorkspaceFiles['file']>) {
    return this.files.file(...args);
  }
  shareFiles(...args: Parameters<WorkspaceFiles['shareFiles']>) {
    return this.files.shareFiles(...args);
  }

  // Trigger ids and response URLs

  /** Issues a trigger id for an interaction by this person, as Slack does for each command, click or submit. */
  issueTriggerId(userId: string): string {
    const triggerId = this.ids.triggerId();
    this.triggers.set(triggerId, { userId, issuedAt: this.now(), exchanged: false });
    return triggerId;
  }

  /** Checks a trigger id without using it up. */
  checkTriggerId(triggerId: string): Outcome<string, TriggerError> {
    const trigger = this.triggers.get(triggerId);
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.exchanged) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.now() - trigger.issuedAt > TRIGGER_TTL_MS) return { ok: false, error: 'expired_trigger_id' };
    return { ok: true, value: trigger.userId };
  }

  /** Uses up a trigger id; the value is the person it was issued for. */
  exchangeTriggerId(triggerId: string): Outcome<string, TriggerError> {
    const checked = this.checkTriggerId(triggerId);
    const trigger = this.triggers.get(triggerId);
    if (checked.ok && trigger) trigger.exchanged = true;
    return checked;
  }

  /** A unique Events API event id, e.g. `Ev0000000001`. */
  issueEventId(): string {
    return this.ids.eventId();
  }

  issueResponseUrlId(context: ResponseContext): string {
    const id = randomBytes(12).toString('hex');
    this.responseContexts.set(id, { ...context });
    return id;
  }

  responseContext(id: string): ResponseContext | undefined {
    return this.responseContexts.get(id);
  }

  // Views (workspace-views.ts)

  openViewFor(...args: Parameters<WorkspaceViews['openViewFor']>) {
    return this.views.openViewFor(...args);
  }
  modalStackFor(...args: Parameters<WorkspaceViews['modalStackFor']>) {
    return this.views.modalStackFor(...args);
  }
  homeViewFor(...args: Parameters<WorkspaceViews['homeViewFor']>) {
    return this.views.homeViewFor(...args);
  }
  findView(...args: Parameters<WorkspaceViews['findView']>) {
    return this.views.findView(...args);
  }
  findViewByExternalId(...args: Parameters<WorkspaceViews['findViewByExternalId']>) {
    return this.views.findViewByExternalId(...args);
  }
  openModal(...args: Parameters<WorkspaceViews['openModal']>) {
    return this.views.openModal(...args);
  }
  pushModal(...args: Parameters<WorkspaceViews['pushModal']>) {
    return this.views.pushModal(...args);
  }
  updateView(...args: Parameters<WorkspaceViews['updateView']>) {
    return this.views.updateView(...args);
  }
  publishHome(...args: Parameters<WorkspaceViews['publishHome']>) {
    return this.views.publishHome(...args);
  }
  setViewState(...args: Parameters<WorkspaceViews['setViewState']>) {
    return this.views.setViewState(...args);
  }
  setViewErrors(...args: Parameters<WorkspaceViews['setViewErrors']>) {
    return this.views.setViewErrors(...args);
  }
  closeModals(...args: Parameters<WorkspaceViews['closeModals']>) {
    return this.views.closeModals(...args);
  }

  // Change notification

  /** Calls `listener` after every change; returns a function that unsubscribes. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Resolves with the first truthy value of `probe`, checked now and after every change. Apps acknowledge
   * before they call the Web API, so what they do arrives shortly after the HTTP response; this waits for it.
   */
  waitFor<T>(
    probe: () => T | undefined | null | false,
    { timeoutMs = 2000, what = 'the workspace to change' } = {},
  ): Promise<T> {
    const immediate = probe();
    if (immediate) return Promise.resolve(immediate);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const unsubscribe = this.onChange(() => {
        const value = probe();
        if (!value) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      });
    });
  }

  // Internals

  private notifyChange(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  private addChannel(channel: WorkspaceChannel): WorkspaceChannel {
    this.channelsById.set(channel.id, channel);
    return channel;
  }
}
