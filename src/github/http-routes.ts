import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from './metrics.js';

/** Returns an error message when a dependency the App needs is down, or undefined when it is healthy. */
export type HealthCheck = () => Promise<string | undefined>;

/**
 * Serves `GET /metrics` in Prometheus' text format, and `GET /healthz` with
 * status 200 when the App can serve or 503 and the reason when it cannot.
 * Returns false for other requests so that Probot's next handler takes them.
 */
export function createHttpRoutes(metrics: AppMetrics, health: HealthCheck): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;

    if (path === '/metrics') {
      const body = await metrics.registry.metrics();
      response.writeHead(200, { 'content-type': metrics.registry.contentType });
      response.end(request.method === 'HEAD' ? undefined : body);
      return true;
    }

    if (path === '/healthz') {
      const problem = await health();
      const body = JSON.stringify(problem === undefined ? { status: 'ok' } : { status: 'unavailable', reason: problem });
      response.writeHead(problem === undefined ? 200 : 503, { 'content-type': 'application/json' });
      response.end(request.method === 'HEAD' ? undefined : body);
      return true;
    }
    return false;
  };
}
