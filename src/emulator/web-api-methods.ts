/**
 * The Slack Web API methods the emulator implements, each a function from decoded arguments to the JSON body
 * Slack would answer with. Error names are the ones Slack documents for each method.
 */
import { z } from 'zod';
import { checkMessageBlocks, checkMessageText, checkView } from './limits.js';
import type { SlackMessage } from './types.js';
import type { OpenView, PostedMessage, Workspace } from './workspace.js';

export type SlackApiResponse =
  | { ok: true; [field: string]: unknown }
  | { ok: false; error: string; response_metadata?: { messages: string[] }; [field: string]: unknown };

/** What a method may need to know about the server answering it. */
export interface MethodContext {
  /** e.g. `http://127.0.0.1:53211`, for URLs the method hands out (file upload URLs). */
  origin: string;
  /** Socket Mode: a fresh WebSocket URL for the app to connect to. */
  socketModeUrl?: () => string;
}

export type WebApiMethod = (
  args: Record<string, unknown>,
  workspace: Workspace,
  context: MethodContext,
) => SlackApiResponse;

const requiredString = z.string({
  error: (issue) => (issue.input === undefined ? 'missing required field' : 'must be a string'),
});
// Timestamps arrive as strings from forms but may be numbers in JSON bodies.
const timestamp = z.union([z.string(), z.number()]).transform(String);

const PostMessageArgs = z.object({
  channel: z.string().optional(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  attachments: z.unknown().optional(),
  thread_ts: timestamp.optional(),
});

const UpdateMessageArgs = z.object({
  channel: z.string().optional(),
  ts: timestamp.optional(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
});

const DeleteMessageArgs = z.object({ channel: z.string().optional(), ts: timestamp.optional() });

const PostEphemeralArgs = z.object({
  channel: z.string().optional(),
  user: requiredString,
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  attachments: z.unknown().optional(),
});

const OpenViewArgs = z.object({ trigger_id: requiredString, view: z.unknown() });

const UpdateViewArgs = z.object({
  view: z.unknown(),
  view_id: z.string().optional(),
  external_id: z.string().optional(),
  hash: z.string().optional(),
});

const PublishViewArgs = z.object({ user_id: requiredString, view: z.unknown(), hash: z.string().optional() });

const UserInfoArgs = z.object({ user: requiredString });

const PermalinkArgs = z.object({ channel: requiredString, message_ts: timestamp });

const GetUploadUrlArgs = z.object({
  filename: requiredString,
  // Form fields arrive as strings.
  length: z.coerce.number({ error: 'must be a number' }).int().min(1),
});

const CompleteUploadArgs = z.object({
  files: z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1),
  channel_id: z.string().optional(),
  initial_comment: z.string().optional(),
  thread_ts: timestamp.optional(),
});

export const WEB_API_METHODS: Readonly<Record<string, WebApiMethod>> = {
  // The server lets only the app-level token through to this one.
  'apps.connections.open': (_args, _workspace, context) =>
    context.socketModeUrl ? { ok: true, url: context.socketModeUrl() } : failure('invalid_auth'),

  'auth.test': (_args, workspace) => ({
    ok: true,
    url: `https://${workspace.teamDomain}.slack.com/`,
    team: workspace.teamName,
    user: workspace.botName,
    team_id: workspace.teamId,
    user_id: workspace.botUserId,
    bot_id: workspace.botId,
    is_enterprise_install: false,
  }),

  'chat.postMessage': (args, workspace) => {
    const parsed = parseArguments(PostMessageArgs, args);
    if (!parsed.ok) return parsed.response;
    const { text, blocks, attachments, thread_ts: threadTs } = parsed.value;
    const channel = parsed.value.channel ? workspace.resolveChannel(parsed.value.channel) : undefined;
    if (!channel) return failure('channel_not_found');
    const invalid = messageContentProblem(text, blocks, attachments);
    if (invalid) return invalid;
    const message = workspace.postMessage({
      channel: channel.id,
      text: text ?? '',
      blocks: asBlocks(blocks),
      threadTs,
    });
    return { ok: true, channel: channel.id, ts: message.ts, message: toWireMessage(message) };
  },

  'chat.update': (args, workspace) => {
    const parsed = parseArguments(UpdateMessageArgs, args);
    if (!parsed.ok) return parsed.response;
    const { ts, text, blocks } = parsed.value;
    const channel = parsed.value.channel ? workspace.resolveChannel(parsed.value.channel) : undefined;
    if (!channel) return failure('channel_not_found');
    const existing = ts ? workspace.message(channel.id, ts) : undefined;
    if (!existing || !ts) return failure('message_not_found');
    if (existing.bot_id !== workspace.botId) return failure('cant_update_message');
    const invalid = messageContentProblem(text, blocks, undefined);
    if (invalid) return invalid;
    const updated = workspace.updateMessage(channel.id, ts, { text, blocks: asBlocks(blocks) });
    if (!updated) return failure('message_not_found');
    return { ok: true, channel: channel.id, ts, text: updated.text, message: toWireMessage(updated) };
  },

  'chat.delete': (args, workspace) => {
    const parsed = parseArguments(DeleteMessageArgs, args);
    if (!parsed.ok) return parsed.response;
    const channel = parsed.value.channel ? workspace.resolveChannel(parsed.value.channel) : undefined;
    if (!channel) return failure('channel_not_found');
    const { ts } = parsed.value;
    const existing = ts ? workspace.message(channel.id, ts) : undefined;
    if (!existing || !ts) return failure('message_not_found');
    if (existing.bot_id !== workspace.botId) return failure('cant_delete_message');
    workspace.deleteMessage(channel.id, ts);
    return { ok: true, channel: channel.id, ts };
  },

  'chat.postEphemeral': (args, workspace) => {
    const parsed = parseArguments(PostEphemeralArgs, args);
    if (!parsed.ok) return parsed.response;
    const { text, blocks, attachments } = parsed.value;
    const channel = parsed.value.channel ? workspace.resolveChannel(parsed.value.channel) : undefined;
    if (!channel) return failure('channel_not_found');
    const user = workspace.resolveUser(parsed.value.user);
    if (!user) return failure('user_not_in_channel');
    const invalid = messageContentProblem(text, blocks, attachments);
    if (invalid) return invalid;
    const message = workspace.postEphemeral({
      channel: channel.id,
      user: user.id,
      text: text ?? '',
      blocks: asBlocks(blocks),
    });
    return { ok: true, message_ts: message.ts };
  },

  'chat.getPermalink': (args, workspace) => {
    const parsed = parseArguments(PermalinkArgs, args);
    if (!parsed.ok) return parsed.response;
    const channel = workspace.resolveChannel(parsed.value.channel);
    if (!channel) return failure('channel_not_found');
    const { message_ts: ts } = parsed.value;
    if (!workspace.message(channel.id, ts)) return failure('message_not_found');
    return {
      ok: true,
      channel: channel.id,
      permalink: `https://${workspace.teamDomain}.slack.com/archives/${channel.id}/p${ts.replace('.', '')}`,
    };
  },

  'users.info': (args, workspace) => {
    const parsed = parseArguments(UserInfoArgs, args);
    if (!parsed.ok) return parsed.response;
    const user = workspace.resolveUser(parsed.value.user);
    if (!user) return failure('user_not_found');
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: workspace.teamId,
        name: user.name,
        real_name: user.displayName ?? user.name,
        tz: user.tz ?? 'UTC',
        profile: { display_name: user.displayName ?? user.name, real_name: user.displayName ?? user.name },
        deleted: false,
        is_admin: user.isAdmin === true,
        is_owner: false,
        is_bot: false,
      },
    };
  },

  'files.getUploadURLExternal': (args, workspace, context) => {
    const parsed = parseArguments(GetUploadUrlArgs, args);
    if (!parsed.ok) return parsed.response;
    const file = workspace.reserveUpload(parsed.value.filename, parsed.value.length);
    return { ok: true, upload_url: `${context.origin}/upload/${file.id}`, file_id: file.id };
  },

  'files.completeUploadExternal': (args, workspace) => {
    const parsed = parseArguments(CompleteUploadArgs, args);
    if (!parsed.ok) return parsed.response;
    const { files, initial_comment: comment, thread_ts: threadTs } = parsed.value;
    for (const { id } of files) {
      const file = workspace.file(id);
      if (!file || file.content === undefined) return failure('file_not_found');
    }
    if (parsed.value.channel_id === undefined) {
      // Not shared anywhere: the files exist privately, as in Slack.
      return {
        ok: true,
        files: files.map(({ id, title }) => ({ id, title: title ?? workspace.file(id)?.filename })),
      };
    }
    const channel = workspace.resolveChannel(parsed.value.channel_id);
    if (!channel) return failure('channel_not_found');
    const message = workspace.shareFiles({
      channel: channel.id,
      files,
      ...(comment !== undefined ? { comment } : {}),
      ...(threadTs !== undefined ? { threadTs } : {}),
    });
    return { ok: true, files: message.files ?? [] };
  },

  'views.open': (args, workspace) => {
    const request = modalRequest(args, workspace);
    if (!request.ok) return request.response;
    workspace.exchangeTriggerId(request.triggerId);
    return viewResult(workspace.openModal(request.userId, request.view));
  },

  'views.push': (args, workspace) => {
    const request = modalRequest(args, workspace);
    if (!request.ok) return request.response;
    const pushed = workspace.pushModal(request.userId, request.view);
    if (pushed.ok) workspace.exchangeTriggerId(request.triggerId);
    return viewResult(pushed);
  },

  'views.update': (args, workspace) => {
    const parsed = parseArguments(UpdateViewArgs, args);
    if (!parsed.ok) return parsed.response;
    const { view, view_id: viewId, external_id: externalId, hash } = parsed.value;
    if (!viewId && !externalId) {
      return failure('invalid_arguments', [
        'must provide either view_id or external_id [json-pointer:/view_id]',
      ]);
    }
    const existing = viewId ? workspace.findView(viewId) : workspace.findViewByExternalId(externalId ?? '');
    if (!existing) return failure('not_found');
    const problems = checkView(view, existing.view.type);
    if (problems.length > 0) return failure('invalid_arguments', problems);
    return viewResult(
      workspace.updateView({ viewId: existing.view.id }, view as Record<string, unknown>, hash),
    );
  },

  'views.publish': (args, workspace) => {
    const parsed = parseArguments(PublishViewArgs, args);
    if (!parsed.ok) return parsed.response;
    const { user_id: userId, view, hash } = parsed.value;
    const user = workspace.resolveUser(userId);
    if (!user) return failure('invalid_arguments', ['invalid `user_id`']);
    const problems = checkView(view, 'home');
    if (problems.length > 0) return failure('invalid_arguments', problems);
    return viewResult(workspace.publishHome(user.id, view as Record<string, unknown>, hash));
  },
};

/** The message fields Slack returns, without the emulator's bookkeeping. */
/** What views.open and views.push both check: a live trigger id (whose person it names) and a valid modal. */
function modalRequest(
  args: Record<string, unknown>,
  workspace: Workspace,
):
  | { ok: true; triggerId: string; userId: string; view: Record<string, unknown> }
  | { ok: false; response: SlackApiResponse } {
  const parsed = parseArguments(OpenViewArgs, args);
  if (!parsed.ok) return { ok: false, response: parsed.response };
  const { trigger_id: triggerId, view } = parsed.value;
  const trigger = workspace.checkTriggerId(triggerId);
  if (!trigger.ok) return { ok: false, response: failure(trigger.error) };
  const problems = checkView(view, 'modal');
  if (problems.length > 0) return { ok: false, response: failure('invalid_arguments', problems) };
  return { ok: true, triggerId, userId: trigger.value, view: view as Record<string, unknown> };
}

export function toWireMessage(message: PostedMessage): SlackMessage {
  const { channel: _channel, editCount: _editCount, editTimes: _editTimes, ...wire } = message;
  return wire;
}

/** An error answer; problems become `response_metadata.messages` prefixed with `[ERROR]`, as Slack sends them. */
export function failure(error: string, problems: readonly string[] = []): SlackApiResponse {
  if (problems.length === 0) return { ok: false, error };
  return {
    ok: false,
    error,
    response_metadata: { messages: problems.map((problem) => `[ERROR] ${problem}`) },
  };
}

function parseArguments<T>(
  schema: z.ZodType<T>,
  args: Record<string, unknown>,
): { ok: true; value: T } | { ok: false; response: SlackApiResponse } {
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map(
    (issue) => `${issue.message} [json-pointer:/${issue.path.join('/')}]`,
  );
  return { ok: false, response: failure('invalid_arguments', problems) };
}

function messageContentProblem(
  text: unknown,
  blocks: unknown,
  attachments: unknown,
): SlackApiResponse | undefined {
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) return failure('invalid_blocks_format');
    const problems = checkMessageBlocks(blocks);
    if (problems.length > 0) return failure('invalid_blocks', problems);
  }
  const hasText = typeof text === 'string' && text !== '';
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (!hasText && !hasBlocks && attachments === undefined) return failure('no_text');
  const textProblems = checkMessageText(text);
  if (textProblems.length > 0) return failure('msg_too_long', textProblems);
  return undefined;
}

function asBlocks(blocks: unknown): unknown[] | undefined {
  return Array.isArray(blocks) ? blocks : undefined;
}

function viewResult(result: { ok: true; value: OpenView } | { ok: false; error: string }): SlackApiResponse {
  return result.ok ? { ok: true, view: result.value.view } : failure(result.error);
}
