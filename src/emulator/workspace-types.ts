import type { AnyBlock, View } from '@slack/types';
import type { EmulatedView, SlackMessage } from './types.js';

/** The shapes an emulated workspace keeps (see workspace.ts). */

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

export interface Trigger {
  userId: string;
  issuedAt: number;
  exchanged: boolean;
}
