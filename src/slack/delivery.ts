import { createHash } from 'node:crypto';

/**
 * Names one delivery of a view interaction. Slack resends the same payload on a retry, and a double click
 * sends the same view (id and hash) with the same values, so both get the same id and are handled once; a
 * corrected resubmission after a field error differs in its values, so it counts as new.
 */
export function deliveryIdOf(view: { id?: unknown; hash?: unknown; state?: unknown }, kind: string): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, view.id, view.hash, view.state]))
    .digest('base64url')
    .slice(0, 22);
}
