import { type ConfigResult, loadConfig, MANIFEST_HINT } from './config.js';
import { AppMetrics } from './ops/metrics.js';
import { createStore, startStreamVerdict } from './server.js';
import { secretsOf } from './slack/app.js';
import { structuredLogger } from './slack/logger.js';

const result = loadConfig(process.env);
if (!result.ok) {
  for (const problem of result.problems) console.error(`stream-verdict: ${problem}`);
  process.exit(1);
}
const logger = structuredLogger({
  level: result.config.logLevel,
  format: result.config.logFormat ?? 'text',
  secrets: secretsOf(result.config),
});
// A stray rejection (a bug, or a library failing outside any request) is logged and the process serves on:
// Node's default would end every other person's request with it.
process.on('unhandledRejection', (reason) => {
  logger.error('A promise was rejected with nobody to handle it; carrying on:', reason);
});
async function start(loaded: Extract<ConfigResult, { ok: true }>): Promise<{ stop(): Promise<void> }> {
  if (loaded.mode === 'sandbox') {
    // Loaded only here: production never runs the emulated Slack, and its image leaves it out.
    const { startSandbox } = await import('./sandbox/index.js').catch((error: unknown) => {
      throw new Error(
        `the offline sandbox is not part of this build (${error instanceof Error ? error.message : String(error)}); set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN`,
      );
    });
    const sandbox = await startSandbox({ config: loaded.config, storeOptions: { warn: logger.warn } });
    logger.info(
      'stream-verdict: no Slack credentials are set, so this is the offline sandbox: Slack is emulated on this machine and the real app runs under it.',
    );
    logger.info(
      `stream-verdict: to use a real workspace instead, ${MANIFEST_HINT} (README.md, "Create the Slack app").`,
    );
    logger.info(`stream-verdict: sandbox ready at ${sandbox.url} (health at ${sandbox.url}/healthz)`);
    return sandbox;
  }
  const { config } = loaded;
  const metrics = new AppMetrics();
  const store = createStore(config, { warn: logger.warn, logger, metrics });
  const app = await startStreamVerdict({ config, store, logger, metrics });
  const probes = `liveness at /healthz, readiness at /readyz${config.metrics === false ? '' : ', metrics at /metrics'}`;
  logger.info(
    config.transport === 'socket'
      ? `stream-verdict: connected to Slack over Socket Mode; ${probes} on http://localhost:${app.port}`
      : `stream-verdict: listening on port ${app.port} (Slack requests at /slack/events, ${probes})`,
  );
  return app;
}

// One line, through the redaction, instead of a stack trace that may carry a URL or a token.
const running = await start(result).catch((error: unknown) => {
  logger.error(`stream-verdict could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info(`stream-verdict: ${signal} received, finishing requests in flight`);
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stream-verdict: error while stopping', error);
        process.exit(1);
      },
    );
  });
}
