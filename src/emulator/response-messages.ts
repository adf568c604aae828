/**
 * Messages an app sends back without the Web API: a slash command's acknowledgement body, or a POST to a
 * `response_url`. Slack shows them to the person only (`ephemeral`, the default) or posts them in the channel
 * (`in_channel`), and a response_url from a message can replace or delete that message.
 */
import { z } from 'zod';
import { checkMessageBlocks, checkMessageText } from './limits.js';
import type { ResponseContext, Workspace } from './workspace.js';

const ResponseMessageSchema = z.object({
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: z.boolean().optional(),
  delete_original: z.boolean().optional(),
  thread_ts: z.string().optional(),
});

export type ResponseMessage = z.infer<typeof ResponseMessageSchema>;

export type DeliveryResult = { ok: true } | { ok: false; error: string; problems: string[] };

export function deliverResponseMessage(
  workspace: Workspace,
  context: ResponseContext,
  body: unknown,
): DeliveryResult {
  const parsed = ResponseMessageSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'invalid_payload',
      problems: parsed.error.issues.map((issue) => issue.message),
    };
  }
  const message = parsed.data;
  const original = context.messageTs;
  if (message.delete_original && original) {
    if (context.isEphemeral) workspace.deleteEphemeral(original);
    else workspace.deleteMessage(context.channel, original);
    return { ok: true };
  }
  const problems = [...checkMessageBlocks(message.blocks ?? []), ...checkMessageText(message.text)];
  if (problems.length > 0) return { ok: false, error: 'invalid_blocks', problems };
  if (message.text === undefined && message.blocks === undefined) {
    return { ok: false, error: 'no_text', problems: [] };
  }
  const content = { text: message.text ?? '', ...(message.blocks ? { blocks: message.blocks } : {}) };
  if (message.replace_original && original) {
    if (context.isEphemeral) workspace.replaceEphemeral(original, content);
    else workspace.updateMessage(context.channel, original, content);
  } else if (message.response_type === 'in_channel') {
    workspace.postMessage({ channel: context.channel, ...content, threadTs: message.thread_ts });
  } else {
    workspace.postEphemeral({ channel: context.channel, user: context.userId, ...content });
  }
  return { ok: true };
}
