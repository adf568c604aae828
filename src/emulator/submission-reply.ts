import type { AppReply } from './app-transport.js';
import { parseJsonOr } from './app-transport.js';
import { checkView, isJsonObject } from './limits.js';
import { inputBlockIds } from './view-state.js';
import type { OpenView, Workspace } from './workspace.js';

/** What a person sees after submitting a modal, from the app's acknowledgement. */
export type SubmitOutcome = 'closed' | 'updated' | 'errors' | 'pushed' | 'unchanged';

/**
 * Applies an acknowledgement of a view submission as Slack does: closes, clears, updates or pushes the modal,
 * or shows errors under its inputs. Anything Slack would refuse leaves the modal as it is, with the reason
 * added to `reply.problems`.
 */
export function applySubmissionReply(
  workspace: Workspace,
  userId: string,
  open: OpenView,
  reply: AppReply,
): SubmitOutcome {
  if (reply.status !== 200) return 'unchanged';
  const unchanged = (problem: string): SubmitOutcome => {
    reply.problems.push(problem);
    return 'unchanged';
  };
  if (reply.body === '') {
    workspace.closeModals(userId, { all: false });
    return 'closed';
  }
  const answer = parseJsonOr(reply.body, undefined);
  if (!isJsonObject(answer)) return unchanged('the view_submission acknowledgement is not a JSON object');
  switch (answer.response_action) {
    case undefined:
      workspace.closeModals(userId, { all: false });
      return 'closed';
    case 'clear':
      workspace.closeModals(userId, { all: true });
      return 'closed';
    case 'errors':
      return showErrors(workspace, open, answer.errors, unchanged);
    case 'update': {
      const problems = checkView(answer.view, 'modal');
      if (problems.length > 0)
        return unchanged(`response_action 'update' has an invalid view: ${problems.join('; ')}`);
      const updated = workspace.updateView({ viewId: open.view.id }, answer.view as Record<string, unknown>);
      return updated.ok ? 'updated' : unchanged(`response_action 'update' failed: ${updated.error}`);
    }
    case 'push': {
      const problems = checkView(answer.view, 'modal');
      if (problems.length > 0)
        return unchanged(`response_action 'push' has an invalid view: ${problems.join('; ')}`);
      const pushed = workspace.pushModal(userId, answer.view as Record<string, unknown>);
      return pushed.ok ? 'pushed' : unchanged(`response_action 'push' failed: ${pushed.error}`);
    }
    default:
      return unchanged(`unknown response_action '${String(answer.response_action)}'`);
  }
}

/** Slack only accepts errors keyed by input blocks of the submitted view; anything else is rejected whole. */
function showErrors(
  workspace: Workspace,
  open: OpenView,
  errors: unknown,
  unchanged: (problem: string) => SubmitOutcome,
): SubmitOutcome {
  if (!isJsonObject(errors) || Object.keys(errors).length === 0) {
    return unchanged("response_action 'errors' needs a non-empty errors object");
  }
  const inputs = inputBlockIds(open.view.blocks);
  for (const [blockId, message] of Object.entries(errors)) {
    if (!inputs.has(blockId))
      return unchanged(`errors names '${blockId}', which is not an input block of the view`);
    if (typeof message !== 'string') return unchanged(`the error for '${blockId}' must be a string`);
  }
  workspace.setViewErrors(open.view.id, errors as Record<string, string>);
  return 'errors';
}
