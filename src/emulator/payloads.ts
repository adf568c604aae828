/**
 * The exact request bodies Slack sends to an app. Field order and shapes are copied from real payloads
 * (see test/fixtures/slack/inbound): slash commands are plain form fields, interactive payloads are
 * one form field `payload` holding JSON.
 */
import type { EmulatedView, SlackMessage, ViewState } from './types.js';

export interface PayloadTeam {
  id: string;
  domain: string;
}

export interface PayloadUser {
  id: string;
  username: string;
  name: string;
  team_id: string;
}

export interface SlashCommandFields {
  token: string;
  teamId: string;
  teamDomain: string;
  enterprise?: { id: string; name: string };
  channelId: string;
  channelName: string;
  userId: string;
  userName: string;
  command: string;
  text: string;
  apiAppId: string;
  isEnterpriseInstall: boolean;
  responseUrl: string;
  triggerId: string;
}

/** The `application/x-www-form-urlencoded` body of a slash command. */
export function slashCommandBody(fields: SlashCommandFields): string {
  const form = new URLSearchParams();
  form.append('token', fields.token);
  form.append('team_id', fields.teamId);
  form.append('team_domain', fields.teamDomain);
  if (fields.enterprise) {
    form.append('enterprise_id', fields.enterprise.id);
    form.append('enterprise_name', fields.enterprise.name);
  }
  form.append('channel_id', fields.channelId);
  form.append('channel_name', fields.channelName);
  form.append('user_id', fields.userId);
  form.append('user_name', fields.userName);
  form.append('command', fields.command);
  form.append('text', fields.text);
  form.append('api_app_id', fields.apiAppId);
  form.append('is_enterprise_install', String(fields.isEnterpriseInstall));
  form.append('response_url', fields.responseUrl);
  form.append('trigger_id', fields.triggerId);
  return form.toString();
}

/** Who is interacting, common to every interactive payload. */
export interface InteractionSource {
  token: string;
  team: PayloadTeam;
  user: PayloadUser;
  apiAppId: string;
  /** Set when the app is installed org-wide on Enterprise Grid: the org the person acts in. */
  enterprise?: PayloadEnterprise;
}

export interface PayloadEnterprise {
  id: string;
  name: string;
}

export interface ButtonAction {
  action_id: string;
  block_id: string;
  text: unknown;
  value?: string;
  type: 'button';
  action_ts: string;
}

export type ActionContainer =
  | { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: boolean }
  | { type: 'view'; view_id: string };

export interface BlockActionsPayload {
  type: 'block_actions';
  user: PayloadUser;
  api_app_id: string;
  token: string;
  container: ActionContainer;
  trigger_id: string;
  team: PayloadTeam;
  enterprise: PayloadEnterprise | null;
  is_enterprise_install: boolean;
  channel?: { id: string; name: string };
  message?: SlackMessage;
  view?: EmulatedView;
  state?: ViewState;
  response_url?: string;
  actions: ButtonAction[];
}

export interface ViewSubmissionPayload {
  type: 'view_submission';
  team: PayloadTeam;
  user: PayloadUser;
  api_app_id: string;
  token: string;
  trigger_id: string;
  view: EmulatedView;
  response_urls: [];
  is_enterprise_install: boolean;
  enterprise: PayloadEnterprise | null;
}

export interface ViewClosedPayload {
  type: 'view_closed';
  team: PayloadTeam;
  user: PayloadUser;
  api_app_id: string;
  token: string;
  view: EmulatedView;
  is_cleared: boolean;
  is_enterprise_install: boolean;
  enterprise: PayloadEnterprise | null;
}

export type InteractivePayload = BlockActionsPayload | ViewSubmissionPayload | ViewClosedPayload;

/** A click in a channel message (ephemeral messages carry no `message`, as in Slack's payloads). */
export function messageBlockActionsPayload(input: {
  source: InteractionSource;
  triggerId: string;
  channel: { id: string; name: string };
  messageTs: string;
  message?: SlackMessage;
  state: ViewState;
  responseUrl: string;
  action: ButtonAction;
}): BlockActionsPayload {
  const { source } = input;
  return {
    type: 'block_actions',
    user: source.user,
    api_app_id: source.apiAppId,
    token: source.token,
    container: {
      type: 'message',
      message_ts: input.messageTs,
      channel_id: input.channel.id,
      is_ephemeral: input.message === undefined,
    },
    trigger_id: input.triggerId,
    team: source.team,
    enterprise: source.enterprise ?? null,
    is_enterprise_install: source.enterprise !== undefined,
    channel: input.channel,
    ...(input.message ? { message: input.message } : {}),
    state: input.state,
    response_url: input.responseUrl,
    actions: [input.action],
  };
}

/** A click inside a modal or Home tab; the view carries what the person has entered so far. */
export function viewBlockActionsPayload(input: {
  source: InteractionSource;
  triggerId: string;
  view: EmulatedView;
  action: ButtonAction;
}): BlockActionsPayload {
  const { source } = input;
  return {
    type: 'block_actions',
    user: source.user,
    api_app_id: source.apiAppId,
    token: source.token,
    container: { type: 'view', view_id: input.view.id },
    trigger_id: input.triggerId,
    team: source.team,
    enterprise: source.enterprise ?? null,
    is_enterprise_install: source.enterprise !== undefined,
    view: input.view,
    actions: [input.action],
  };
}

export function viewSubmissionPayload(input: {
  source: InteractionSource;
  triggerId: string;
  view: EmulatedView;
}): ViewSubmissionPayload {
  const { source } = input;
  return {
    type: 'view_submission',
    team: source.team,
    user: source.user,
    api_app_id: source.apiAppId,
    token: source.token,
    trigger_id: input.triggerId,
    view: input.view,
    response_urls: [],
    is_enterprise_install: source.enterprise !== undefined,
    enterprise: source.enterprise ?? null,
  };
}

export function viewClosedPayload(input: {
  source: InteractionSource;
  view: EmulatedView;
  isCleared: boolean;
}): ViewClosedPayload {
  const { source } = input;
  return {
    type: 'view_closed',
    team: source.team,
    user: source.user,
    api_app_id: source.apiAppId,
    token: source.token,
    view: input.view,
    is_cleared: input.isCleared,
    is_enterprise_install: source.enterprise !== undefined,
    enterprise: source.enterprise ?? null,
  };
}

/**
 * The JSON body of the Events API's `event_callback` (e.g. `app_home_opened`), as Slack posts it to the
 * request URL, with the bot's authorization (the org's, for an org-wide install).
 */
export function eventCallbackBody(input: {
  token: string;
  teamId: string;
  apiAppId: string;
  botUserId: string;
  eventId: string;
  eventTime: number;
  event: Record<string, unknown>;
  orgWideInstall?: PayloadEnterprise;
}): string {
  const enterpriseId = input.orgWideInstall?.id ?? null;
  return JSON.stringify({
    token: input.token,
    team_id: input.teamId,
    enterprise_id: enterpriseId ?? undefined,
    context_team_id: input.teamId,
    context_enterprise_id: enterpriseId,
    api_app_id: input.apiAppId,
    event: input.event,
    type: 'event_callback',
    event_id: input.eventId,
    event_time: input.eventTime,
    authorizations: [
      {
        enterprise_id: enterpriseId,
        // An org-wide install's authorization is the org's, not one workspace's.
        team_id: enterpriseId ? null : input.teamId,
        user_id: input.botUserId,
        is_bot: true,
        is_enterprise_install: enterpriseId !== null,
      },
    ],
    is_ext_shared_channel: false,
  });
}

/** The form body `payload=<urlencoded JSON>` that carries every interactive payload. */
export function interactiveBody(payload: InteractivePayload): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
