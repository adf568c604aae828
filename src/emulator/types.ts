/**
 * Shapes of the objects the emulated Slack stores and sends, as they appear on the wire (snake_case, nulls kept)
 * so they can be copied into payloads and API responses without translation.
 */
import type { AnyBlock, PlainTextElement } from '@slack/types';

/** One element's value inside `view.state.values[block_id][action_id]`. */
export interface ViewStateValue {
  type: string;
  [field: string]: unknown;
}

export interface ViewState {
  values: Record<string, Record<string, ViewStateValue>>;
}

/** A view as Slack returns it from views.open and sends it in view_submission payloads. */
export interface EmulatedView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  blocks: AnyBlock[];
  private_metadata: string;
  callback_id: string;
  state: ViewState;
  hash: string;
  title: PlainTextElement | null;
  clear_on_close: boolean;
  notify_on_close: boolean;
  close: PlainTextElement | null;
  submit: PlainTextElement | null;
  previous_view_id: string | null;
  root_view_id: string;
  app_id: string;
  external_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

/** A channel message as Slack returns it (chat.postMessage `message`, block_actions `message`). */
export interface SlackMessage {
  type: 'message';
  ts: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  text: string;
  team: string;
  blocks?: AnyBlock[];
  thread_ts?: string;
  edited?: { user: string; ts: string };
  /** Files shared with the message (files.completeUploadExternal). */
  files?: SharedFile[];
}

/** A file as Slack lists it on a message. */
export interface SharedFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  size: number;
}
