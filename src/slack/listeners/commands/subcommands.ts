import { nearMiss } from '../../../domain/near-miss.js';
import { buildForgetMeConfirmation } from '../../views/command-prompts.js';
import { COMMAND, type Subcommand } from './command-args.js';
import { exportRecord } from './export-record.js';
import { helpText } from './help.js';

/** Every sub-command; anything else starts a decision, with the text as its title. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'help',
    summary: 'this list.',
    example: 'help',
    run: async (_deps, { ack }) => ack({ response_type: 'ephemeral', text: helpText(COMMAND, SUBCOMMANDS) }),
  },
  {
    name: 'forget me',
    summary:
      'removes your answers from every decision in this workspace and updates their verdicts (after you confirm).',
    example: 'forget me',
    // It cannot be undone, so it asks first; the button runs forgetMe (actions/command-prompts.ts).
    run: async (_deps, { ack }) => ack({ response_type: 'ephemeral', ...buildForgetMeConfirmation() }),
  },
  {
    name: 'export',
    summary: 'the latest decision in this channel as a Markdown decision record (ADR), as a file here.',
    example: 'export',
    run: (deps, args) => exportRecord(deps)(args),
  },
];

/**
 * What the command's text asks for: a sub-command when it is exactly its words ("Export pipeline rewrite" or
 * "forget me nots" are titles), a question back when it is one edit away from one ("exprot" would start a
 * public decision titled so), else a decision.
 */
export function routeCommand(
  text: string,
):
  | { kind: 'subcommand'; sub: Subcommand }
  | { kind: 'did-you-mean'; suggestion: string }
  | { kind: 'start' } {
  const words = text.toLowerCase().replace(/\s+/g, ' ');
  const sub = SUBCOMMANDS.find((candidate) => candidate.name.toLowerCase() === words);
  if (sub) return { kind: 'subcommand', sub };
  const suggestion = nearMiss(
    words,
    SUBCOMMANDS.map((candidate) => candidate.name),
  );
  return suggestion ? { kind: 'did-you-mean', suggestion } : { kind: 'start' };
}

/** Whether a command with this text starts a decision (its listener then claims it with the decision). */
export function startsDecision(text: string): boolean {
  return routeCommand(text.trim()).kind === 'start';
}
