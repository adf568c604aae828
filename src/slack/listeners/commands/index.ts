import type { App } from '@slack/bolt';
import { nearMiss } from '../../../domain/near-miss.js';
import type { ListenerDeps } from '../../deps.js';
import { buildDidYouMean, buildForgetMeConfirmation } from '../../views/command-prompts.js';
import { COMMAND, type Subcommand } from './command-args.js';
import { exportRecord } from './export-record.js';
import { helpText } from './help.js';
import { startDecision } from './start-decision.js';

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

/** The command's words, compared as typed but for case and spacing. */
function wordsOf(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

// Only the exact words run a sub-command: "Export pipeline rewrite" or "forget me nots" are titles.
function subcommandOf(words: string): Subcommand | undefined {
  return SUBCOMMANDS.find((candidate) => candidate.name.toLowerCase() === words);
}

// "exprot" would start a public decision titled so: ask first, with a button to do that after all.
function nearMissOf(words: string): string | undefined {
  return nearMiss(
    words,
    SUBCOMMANDS.map((candidate) => candidate.name),
  );
}

/** Whether a command with this text starts a decision (its listener then claims it with the decision). */
export function startsDecision(text: string): boolean {
  const words = wordsOf(text);
  return !subcommandOf(words) && !nearMissOf(words);
}

export function registerCommands(app: App, deps: ListenerDeps): void {
  const start = startDecision(deps);
  app.command(COMMAND, async (args) => {
    const text = (typeof args.command.text === 'string' ? args.command.text : '').trim();
    const words = wordsOf(text);
    const sub = subcommandOf(words);
    if (sub) return sub.run(deps, args);
    const suggestion = nearMissOf(words);
    if (suggestion)
      return args.ack({
        response_type: 'ephemeral',
        ...buildDidYouMean({ command: COMMAND, suggestion, typed: text }),
      });
    return start(args);
  });
}
