import { START_USAGE } from '../../flows/start-options.js';
import type { Subcommand } from './command-args.js';

/** `/stream-verdict help`: every sub-command with an example, built from the router's own list. */
export function helpText(command: string, subcommands: readonly Subcommand[]): string {
  const lines = [
    `*${command}* helps your team choose between self-managed Kafka, Amazon Kinesis and Amazon MSK.`,
    '',
    `• \`${command} [title]\`: start a decision in this channel and answer the questionnaire. ${START_USAGE}`,
    `  Example: \`${command} --by 2026-12-15 --blind Event bus for the billing rewrite\``,
    ...subcommands.flatMap((sub) => [
      `• \`${command} ${sub.name}\`: ${sub.summary}`,
      `  Example: \`${command} ${sub.example}\``,
    ]),
    '',
    'On the decision message: *Answer or edit my answers* opens your questionnaire (pre-filled if you answered ' +
      'before); *Close the decision* (whoever started it, or an admin) posts the decision record in the thread.',
  ];
  return lines.join('\n');
}
