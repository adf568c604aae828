import { loadConfig } from './config.js';
import { createStore, startStreamVerdict } from './server.js';

const result = loadConfig(process.env);
if (!result.ok) {
  for (const problem of result.problems) console.error(`stream-verdict: ${problem}`);
  process.exit(1);
}
const { config } = result;
const store = createStore(config);
const running = await startStreamVerdict({ config, store });
console.log(
  config.transport === 'socket'
    ? `stream-verdict: connected to Slack over Socket Mode; health check on http://localhost:${running.port}/healthz`
    : `stream-verdict: listening on port ${running.port} (Slack requests at /slack/events, health at /healthz)`,
);

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
