import type { Logger } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from '../../errors.js';
import { serialised } from '../../web-api-args.js';

/**
 * Replaces the modal a button was pressed in, if it is still as it was (`hash`). A hash conflict means the
 * person already moved on (a double click); anything else is worth a line.
 */
export async function replaceModal(input: {
  client: WebClient;
  logger: Logger;
  modal: { id: string; hash: string };
  view: ModalView;
  after: string;
}): Promise<void> {
  const { client, modal, view } = input;
  await client.views
    .update(serialised({ view_id: modal.id, hash: modal.hash, view }))
    .catch((error: unknown) => {
      input.logger.warn(`views.update ${input.after} failed: ${slackErrorCode(error) ?? String(error)}`);
    });
}
