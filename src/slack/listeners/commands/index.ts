import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { inRequestContext } from '../../observe.js';
import { buildDidYouMean } from '../../views/command-prompts.js';
import { COMMAND } from './command-args.js';
import { startDecision } from './start-decision.js';
import { routeCommand } from './subcommands.js';

export { startsDecision } from './subcommands.js';

export function registerCommands(app: App, deps: ListenerDeps): void {
  const start = startDecision(deps);
  app.command(
    COMMAND,
    inRequestContext(async (args: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
      const text = (typeof args.command.text === 'string' ? args.command.text : '').trim();
      const route = routeCommand(text);
      if (route.kind === 'subcommand') return route.sub.run(deps, args);
      if (route.kind === 'did-you-mean') {
        const prompt = buildDidYouMean({ command: COMMAND, suggestion: route.suggestion, typed: text });
        return args.ack({ response_type: 'ephemeral', ...prompt });
      }
      return start(args);
    }),
  );
}
