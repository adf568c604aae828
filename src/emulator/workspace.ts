/**
 * The state of one emulated Slack workspace: people, channels, messages, ephemeral messages, the modals each
 * person has open, Home tabs, trigger ids and response URLs. It applies Slack's rules about that state
 * (trigger ids are single use and short lived, at most 3 stacked modals, hashes guard view updates) but does
 * not validate Block Kit: callers check `limits.ts` first, as Slack's API layer does.
 */
import { randomBytes } from 'node:crypto';
import type { AnyBlock, View } from '@slack/types';
import { isJsonObject } from './limits.js';
import type { EmulatedView, SharedFile, SlackMessage, ViewState } from './types.js';
import { retainViewState } from './view-state.js';

/** Slack gives a trigger id this long to be exchanged for a modal. */
export const TRIGGER_TTL_MS = 3000;
/** Slack stacks at most this many modals. */
export const MAX_MODAL_STACK = 3;

export interface WorkspaceUser {
  id: string;
  name: string;
  /** A workspace admin (users.info `is_admin`). */
  isAdmin?: boolean;
  /** The name shown for them (users.info `profile.display_name`); the handle when absent. */
  displayName?: string;
  /** IANA time zone from their profile (users.info `tz`); UTC when absent. */
  tz?: string;
}

/** A file on its way through files.getUploadURLExternal → upload → files.completeUploadExternal. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The length announced in files.getUploadURLExternal. */
  length: number;
  /** What was posted to the upload URL; undefined until then. */
  content?: string;
  /** Set once files.completeUploadExternal shared it. */
  title?: string;
}

export interface WorkspaceChannel {
  id: string;
  name: string;
  /** A direct message between the app and `user`. */
  isIm?: boolean;
  user?: string;
}

export interface WorkspaceOptions {
  /**
   * The app is installed org-wide for this Enterprise Grid org: every payload and event from the workspace
   * carries the org and `is_enterprise_install: true`.
   */
  orgWideInstall?: { id: string; name: string };
  teamId?: string;
  teamDomain?: string;
  teamName?: string;
  appId?: string;
  botId?: string;
  botUserId?: string;
  botName?: string;
  /** The legacy verification token Slack puts in every payload's `token` field. */
  verificationToken?: string;
  /** A fixed roster; without it, any user id is accepted and the person is created on first use. */
  users?: readonly WorkspaceUser[];
  /** A fixed channel list; without it, any channel id is accepted and the channel is created on first use. */
  channels?: readonly WorkspaceChannel[];
  /** Clock in milliseconds, injectable so tests can expire trigger ids without waiting. */
  now?: () => number;
}

/** A message in a channel, with the emulator's bookkeeping next to the wire fields. */
export interface PostedMessage extends SlackMessage {
  channel: string;
  /** How many times chat.update (or a response_url replacement) has changed it. */
  editCount: number;
  /** When each of those changes was made, by the workspace clock (ms): Slack takes one a second per message. */
  editTimes: number[];
}

export interface EphemeralMessage {
  channel: string;
  /** The only person who sees it. */
  user: string;
  ts: string;
  text: string;
  blocks?: AnyBlock[];
}

/** A view a person has open: a modal in their stack, or their Home tab. */
export interface OpenView {
  userId: string;
  view: EmulatedView;
  /** Validation errors shown under input blocks, from `response_action: 'errors'` or Slack's own client checks. */
  errors: Record<string, string>;
}

/** Where a response_url (or a slash command's acknowledgement body) delivers its message. */
export interface ResponseContext {
  channel: string;
  userId: string;
  /** The message the interaction came from, which `replace_original` / `delete_original` act on. */
  messageTs?: string;
  isEphemeral: boolean;
}

export type Outcome<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };

export type TriggerError = 'invalid_trigger_id' | 'exchanged_trigger_id' | 'expired_trigger_id';

/** A view argument that has already passed `checkView`: a typed `View`, or JSON decoded from a request. */
export type ViewInput = View | Record<string, unknown>;

interface Trigger {
  userId: string;
  issuedAt: number;
  exchanged: boolean;
}

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
  private readonly modalStacks = new Map<string, OpenView[]>();
  private readonly homeViews = new Map<string, OpenView>();
  private readonly triggers = new Map<string, Trigger>();
  private readonly responseContexts = new Map<string, ResponseContext>();
  private readonly changeListeners = new Set<() => void>();
  private readonly uploads = new Map<string, UploadedFile>();
  private lastTs = { seconds: 0, micros: 0 };
  private sequence = 0;

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
    const ts = this.nextTs();
    const message: PostedMessage = {
      type: 'message',
      ts,
      user: input.user ?? this.botUserId,
      ...(byBot ? { bot_id: this.botId, app_id: this.appId } : {}),
      text: input.text,
      team: this.teamId,
      ...(input.blocks ? { blocks: this.withGeneratedIds(input.blocks) } : {}),
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
    if (change.blocks !== undefined) message.blocks = this.withGeneratedIds(change.blocks);
    message.edited = { user: message.user, ts: this.nextTs() };
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
      ts: this.nextTs(),
      text: input.text,
      ...(input.blocks ? { blocks: this.withGeneratedIds(input.blocks) } : {}),
    };
    this.ephemeralMessages.push(message);
    this.notifyChange();
    return message;
  }

  replaceEphemeral(ts: string, change: { text: string; blocks?: unknown[] }): EphemeralMessage | undefined {
    const message = this.ephemeralMessages.find((candidate) => candidate.ts === ts);
    if (!message) return undefined;
    message.text = change.text;
    if (change.blocks) message.blocks = this.withGeneratedIds(change.blocks);
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

  // Files

  /** files.getUploadURLExternal: a new file id waiting for its content. */
  reserveUpload(filename: string, length: number): UploadedFile {
    this.sequence += 1;
    const file: UploadedFile = {
      id: `F${this.sequence.toString(36).toUpperCase().padStart(10, '0')}`,
      filename,
      length,
    };
    this.uploads.set(file.id, file);
    return file;
  }

  /** The upload URL received the file's content; false for an id that was never reserved. */
  receiveUpload(fileId: string, content: string): boolean {
    const file = this.uploads.get(fileId);
    if (!file) return false;
    file.content = content;
    return true;
  }

  /** An uploaded file, by id. */
  file(fileId: string): UploadedFile | undefined {
    return this.uploads.get(fileId);
  }

  /** Shares uploaded files in a channel (or thread) as one message, as files.completeUploadExternal does. */
  shareFiles(input: {
    channel: string;
    files: { id: string; title?: string }[];
    comment?: string;
    threadTs?: string;
  }): PostedMessage {
    const shared: SharedFile[] = input.files.map(({ id, title }) => {
      const file = this.uploads.get(id) as UploadedFile;
      file.title = title ?? file.filename;
      return {
        id,
        name: file.filename,
        title: file.title,
        mimetype: file.filename.endsWith('.md') ? 'text/markdown' : 'text/plain',
        size: Buffer.byteLength(file.content ?? ''),
      };
    });
    const message = this.postMessage({
      channel: input.channel,
      text: input.comment ?? '',
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
    });
    message.files = shared;
    this.notifyChange();
    return message;
  }

  // Trigger ids and response URLs

  /** Issues a trigger id for an interaction by this person, as Slack does for each command, click or submit. */
  issueTriggerId(userId: string): string {
    this.sequence += 1;
    const triggerId = `${1_000_000 + this.sequence}.${this.teamNumber()}.${randomBytes(16).toString('hex')}`;
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
    this.sequence += 1;
    return `Ev${this.sequence.toString(36).toUpperCase().padStart(10, '0')}`;
  }

  issueResponseUrlId(context: ResponseContext): string {
    const id = randomBytes(12).toString('hex');
    this.responseContexts.set(id, { ...context });
    return id;
  }

  responseContext(id: string): ResponseContext | undefined {
    return this.responseContexts.get(id);
  }

  // Views

  /** The modal this person currently sees: the top of their stack. */
  openViewFor(userId: string): OpenView | undefined {
    return this.modalStacks.get(userId)?.at(-1);
  }

  /** This person's modal stack, bottom first. */
  modalStackFor(userId: string): OpenView[] {
    return [...(this.modalStacks.get(userId) ?? [])];
  }

  homeViewFor(userId: string): OpenView | undefined {
    return this.homeViews.get(userId);
  }

  findView(viewId: string): OpenView | undefined {
    return this.allOpenViews().find((open) => open.view.id === viewId);
  }

  findViewByExternalId(externalId: string): OpenView | undefined {
    if (externalId === '') return undefined;
    return this.allOpenViews().find((open) => open.view.external_id === externalId);
  }

  /** Opens a modal as the person's only view, replacing whatever stack they had. */
  openModal(userId: string, input: ViewInput): Outcome<OpenView, 'duplicate_external_id'> {
    if (this.externalIdTaken(input.external_id)) return { ok: false, error: 'duplicate_external_id' };
    const id = this.nextViewId();
    const open: OpenView = {
      userId,
      view: this.buildView(input, { id, rootViewId: id, previousViewId: null }),
      errors: {},
    };
    this.modalStacks.set(userId, [open]);
    this.notifyChange();
    return { ok: true, value: open };
  }

  /** Pushes a modal on top of the person's stack. */
  pushModal(
    userId: string,
    input: ViewInput,
  ): Outcome<OpenView, 'not_found' | 'push_limit_reached' | 'duplicate_external_id'> {
    const stack = this.modalStacks.get(userId);
    const top = stack?.at(-1);
    if (!stack || !top) return { ok: false, error: 'not_found' };
    if (stack.length >= MAX_MODAL_STACK) return { ok: false, error: 'push_limit_reached' };
    if (this.externalIdTaken(input.external_id)) return { ok: false, error: 'duplicate_external_id' };
    const view = this.buildView(input, {
      id: this.nextViewId(),
      rootViewId: top.view.root_view_id,
      previousViewId: top.view.id,
    });
    const open: OpenView = { userId, view, errors: {} };
    stack.push(open);
    this.notifyChange();
    return { ok: true, value: open };
  }

  /**
   * Replaces an open view's content, keeping its id and what the person entered in elements that survive.
   * A `hash` that is not the current one means someone else updated it first.
   */
  updateView(
    target: { viewId?: string; externalId?: string },
    input: ViewInput,
    hash?: string,
  ): Outcome<OpenView, 'not_found' | 'hash_conflict' | 'duplicate_external_id'> {
    const open =
      target.viewId !== undefined
        ? this.findView(target.viewId)
        : this.findViewByExternalId(target.externalId ?? '');
    if (!open) return { ok: false, error: 'not_found' };
    if (hash !== undefined && hash !== open.view.hash) return { ok: false, error: 'hash_conflict' };
    if (this.externalIdTaken(input.external_id, open.view.id))
      return { ok: false, error: 'duplicate_external_id' };
    const blocks = this.withGeneratedIds(Array.isArray(input.blocks) ? input.blocks : []);
    // A view sent without an external_id keeps the one it had, so it can still be addressed by it.
    const externalId = input.external_id ?? open.view.external_id;
    open.view = this.buildView(
      { ...input, blocks, external_id: externalId },
      {
        id: open.view.id,
        rootViewId: open.view.root_view_id,
        previousViewId: open.view.previous_view_id,
        state: retainViewState(blocks, open.view.state),
      },
    );
    open.errors = {};
    this.notifyChange();
    return { ok: true, value: open };
  }

  /** Publishes (or replaces) a person's Home tab. */
  publishHome(userId: string, input: ViewInput, hash?: string): Outcome<OpenView, 'hash_conflict'> {
    const existing = this.homeViews.get(userId);
    if (existing && hash !== undefined && hash !== existing.view.hash)
      return { ok: false, error: 'hash_conflict' };
    const id = existing?.view.id ?? this.nextViewId();
    const open: OpenView = {
      userId,
      view: this.buildView(input, { id, rootViewId: id, previousViewId: null }),
      errors: {},
    };
    this.homeViews.set(userId, open);
    this.notifyChange();
    return { ok: true, value: open };
  }

  /** Records what the person has entered in a view. */
  setViewState(viewId: string, state: ViewState): void {
    const open = this.findView(viewId);
    if (!open) return;
    open.view.state = state;
    this.notifyChange();
  }

  setViewErrors(viewId: string, errors: Record<string, string>): void {
    const open = this.findView(viewId);
    if (!open) return;
    open.errors = { ...errors };
    this.notifyChange();
  }

  /** Closes the person's top modal, or their whole stack; returns the views that closed, top first. */
  closeModals(userId: string, { all }: { all: boolean }): OpenView[] {
    const stack = this.modalStacks.get(userId) ?? [];
    const closed = all ? stack.splice(0).reverse() : stack.splice(-1);
    if (stack.length === 0) this.modalStacks.delete(userId);
    if (closed.length > 0) this.notifyChange();
    return closed;
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

  private allOpenViews(): OpenView[] {
    return [...[...this.modalStacks.values()].flat(), ...this.homeViews.values()];
  }

  private externalIdTaken(externalId: unknown, exceptViewId?: string): boolean {
    if (typeof externalId !== 'string' || externalId === '') return false;
    return this.allOpenViews().some(
      (open) => open.view.external_id === externalId && open.view.id !== exceptViewId,
    );
  }

  private buildView(
    input: ViewInput,
    identity: { id: string; rootViewId: string; previousViewId: string | null; state?: ViewState },
  ): EmulatedView {
    const fields = input as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const plainText = (value: unknown) =>
      isJsonObject(value) ? (structuredClone(value) as unknown as EmulatedView['title']) : null;
    return {
      id: identity.id,
      team_id: this.teamId,
      type: fields.type === 'home' ? 'home' : 'modal',
      blocks: this.withGeneratedIds(Array.isArray(fields.blocks) ? fields.blocks : []),
      private_metadata: text(fields.private_metadata),
      callback_id: text(fields.callback_id),
      state: identity.state ?? { values: {} },
      hash: this.nextHash(),
      title: plainText(fields.title),
      clear_on_close: fields.clear_on_close === true,
      notify_on_close: fields.notify_on_close === true,
      close: plainText(fields.close),
      submit: plainText(fields.submit),
      previous_view_id: identity.previousViewId,
      root_view_id: identity.rootViewId,
      app_id: this.appId,
      external_id: text(fields.external_id),
      app_installed_team_id: this.teamId,
      bot_id: this.botId,
    };
  }

  /** Slack fills in a block_id / action_id wherever the app left one out; so does the emulator. */
  private withGeneratedIds(blocks: readonly unknown[]): AnyBlock[] {
    const copy = structuredClone(blocks) as unknown[];
    for (const block of copy) {
      if (!isJsonObject(block)) continue;
      if (block.block_id === undefined) block.block_id = this.generatedId();
      const elements = [
        block.element,
        block.accessory,
        ...(Array.isArray(block.elements) ? block.elements : []),
      ];
      for (const element of elements) {
        if (isJsonObject(element) && element.action_id === undefined && block.type !== 'context') {
          element.action_id = this.generatedId();
        }
      }
    }
    return copy as AnyBlock[];
  }

  private generatedId(): string {
    this.sequence += 1;
    return `g${this.sequence.toString(36).padStart(4, '0')}`;
  }

  private nextViewId(): string {
    this.sequence += 1;
    return `V${this.sequence.toString(36).toUpperCase().padStart(10, '0')}`;
  }

  private nextHash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(6).toString('base64url')}`;
  }

  /** Message timestamps are unique and strictly increasing even when the injected clock stands still. */
  private nextTs(): string {
    const clockSeconds = Math.floor(this.now() / 1000);
    let { seconds, micros } = this.lastTs;
    if (clockSeconds > seconds) {
      seconds = clockSeconds;
      micros = 100;
    } else {
      micros += 100;
      if (micros > 999_999) {
        seconds += 1;
        micros = 100;
      }
    }
    this.lastTs = { seconds, micros };
    return `${seconds}.${String(micros).padStart(6, '0')}`;
  }

  private teamNumber(): string {
    const digits = this.teamId.replace(/\D/g, '');
    return digits === '' ? '1' : digits;
  }
}
