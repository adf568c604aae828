import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { recordMarkdown } from '../../domain/decision-record.js';
import type { ListenerDeps } from '../deps.js';
import { slackErrorCode } from '../errors.js';
import { escapeMrkdwn, truncate } from '../views/text.js';
import { recordOf } from './close.js';
import { type DecisionState, decisionState } from './publish.js';

/** Room for the record in an ephemeral message when the upload fails. */
const EPHEMERAL_RECORD_MAX = 3_500;

/**
 * The latest decision in the channel as a Markdown decision record, uploaded as a file (files.uploadV2,
 * `files:write`), or shown to the person alone (through `tell`) if the upload fails.
 */
export async function exportLatestRecord(input: {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  teamId: string;
  channelId: string;
  userId: string;
  tell(text: string): Promise<void>;
}): Promise<void> {
  const { deps, client, logger, teamId, channelId, userId, tell } = input;
  let state: DecisionState | null;
  try {
    const decisionId = await deps.store.latestInChannel(teamId, channelId);
    state = decisionId ? await decisionState(deps, { teamId, decisionId }) : null;
  } catch (error) {
    logger.error('Could not read a decision to export', error);
    await tell(
      ':warning: My storage isn’t answering just now, so I can’t export the record. Please try again in a minute.',
    );
    return;
  }
  if (!state) {
    await tell(
      'No decision has been started in this channel yet (or it has passed its retention period). Start one with `/stream-verdict`.',
    );
    return;
  }
  const { title } = state.decision;
  const record = recordOf(deps, state);
  // The file is read outside Slack, where a mention would show as a bare id.
  const names = await deps.people.names(
    client,
    teamId,
    [record.startedBy, ...(record.closed?.by ? [record.closed.by] : []), ...record.participants],
    logger,
  );
  // A display name is typed by its owner: inert in the Markdown like the title.
  const markdown = recordMarkdown(record, (id) => escapeMrkdwn(names.get(id) ?? id));
  try {
    await client.files.uploadV2({
      channel_id: channelId,
      filename: `decision-record-${slug(title)}.md`,
      title: `Decision record: ${title}`,
      content: markdown,
      initial_comment: `The decision record for “${escapeMrkdwn(title)}”, exported by <@${userId}>.`,
    });
  } catch (error) {
    logger.warn(`files.uploadV2 failed: ${slackErrorCode(error) ?? String(error)}`);
    await tell(
      `I couldn’t upload the record as a file here (${slackErrorCode(error) ?? 'upload failed'}), so here it is:\n` +
        `\`\`\`\n${escapeMrkdwn(truncate(markdown, EPHEMERAL_RECORD_MAX))}\n\`\`\``,
    );
  }
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'decision'
  );
}
