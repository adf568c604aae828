import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { DecisionStore, StoreHealth } from '../store/port.js';
import type { AppMetrics } from './metrics.js';

/**
 * The routes an orchestrator and a monitoring system call, on the same port as Slack's requests (and in Socket
 * Mode on PORT too):
 * - `GET /healthz`, liveness: 200 while the process answers; the body says how the store is.
 * - `GET /readyz`, readiness: the same body, 503 while the store is unreachable or the app drains on SIGTERM,
 *   so a load balancer sends requests elsewhere.
 * - `GET /metrics`, Prometheus text format, unless METRICS=off.
 */
export function probeRoutes(input: {
  store: DecisionStore;
  draining: () => boolean;
  metrics?: AppMetrics;
}): CustomRoute[] {
  const { store, draining, metrics } = input;
  const routes: CustomRoute[] = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        void store.health().then((health) => sendHealth(res, 200, health.status, health));
      },
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        void store.health().then((health) => {
          if (draining()) sendHealth(res, 503, 'draining', health);
          else sendHealth(res, health.status === 'ok' ? 200 : 503, health.status, health);
        });
      },
    },
  ];
  if (metrics)
    routes.push({
      path: '/metrics',
      method: ['GET'],
      handler: (_req: IncomingMessage, res: ServerResponse) => {
        metrics.render().then(
          (text) => {
            res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
            res.end(text);
          },
          () => {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('metrics could not be collected\n');
          },
        );
      },
    });
  return routes;
}

function sendHealth(res: ServerResponse, code: number, status: string, store: StoreHealth): void {
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status, store }));
}
