import { loadConfig, MANIFEST_HINT } from './config.js';
import { startSandbox } from './sandbox/index.js';
import { createStore, startStreamVerdict } from './server.js';

const result = loadConfig(process.env);
if (!result.ok) {
  for (const problem of result.problems) console.error(`stream-verdict: ${problem}`);
  process.exit(1);
}
let running: { stop(): Promise<void> };
if (result.mode === 'sandbox') {
  const sandbox = await startSandbox({ config: result.config });
  running = sandbox;
  console.log(
    'stream-verdict: no Slack credentials are set, so this is the offline sandbox: Slack is emulated on this machine and the real app runs under it.',
  );
  console.log(
    `stream-verdict: to use a real workspace instead, ${MANIFEST_HINT} (README.md, "Create the Slack app").`,
  );
  console.log(`stream-verdict: sandbox ready at ${sandbox.url} (health at ${sandbox.url}/healthz)`);
} else {
  const { config } = result;
  const store = createStore(config);
  const app = await startStreamVerdict({ config, store });
  running = app;
  console.log(
    config.transport === 'socket'
      ? `stream-verdict: connected to Slack over Socket Mode; health check on http://localhost:${app.port}/healthz`
      : `stream-verdict: listening on port ${app.port} (Slack requests at /slack/events, health at /healthz)`,
  );
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`stream-verdict: ${signal} received, finishing requests in flight`);
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('stream-verdict: error while stopping', error);
        process.exit(1);
      },
    );
  });
}
