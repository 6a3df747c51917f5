import crypto from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import type { Metrics } from "../metrics";

// Request metrics for every route, and the Prometheus scrape endpoint. The scrape endpoint never
// stands open on the public port: METRICS_PORT serves it on its own listener (127.0.0.1 by
// default), METRICS_TOKEN serves it at /metrics on the public port to `Authorization: Bearer`.

/** Counts and times every answered request by route PATTERN (`/v1/task/:id`), never raw URL. */
export function registerRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook("onResponse", async (req, reply) => {
    // Unmatched URLs (404s, the SPA fallback) share one label, so scanners can't blow up the series.
    const route = req.routeOptions.url ?? "(unmatched)";
    const labels = { method: req.method, route, status_code: String(reply.statusCode) };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** `/metrics` on the public app, for callers with the METRICS_TOKEN bearer token. */
export function registerTokenMetricsRoute(app: FastifyInstance, metrics: Metrics, token: string): void {
  app.get("/metrics", async (req, reply) => {
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (!m || !sameSecret(m[1].trim(), token)) {
      return reply.code(401).header("www-authenticate", "Bearer").send({ status_code: 401, error: "metrics: send Authorization: Bearer <METRICS_TOKEN>" });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

/** A listener of its own that answers `/metrics` only (METRICS_PORT, on METRICS_HOST). */
export async function startMetricsServer(metrics: Metrics, port: number, host: string): Promise<{ port: number; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get("/metrics", async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  await app.listen({ port, host });
  const address = app.server.address();
  return { port: typeof address === "object" && address ? address.port : port, close: () => app.close() };
}
