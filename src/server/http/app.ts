import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import rateLimit from "@fastify/rate-limit";
import crypto from "node:crypto";
import type { ConsoleConfig } from "../../schema";
import type { Config } from "../config";
import type { Db } from "../store/db";
import type { BlobStore } from "../store/blobs";
import { databaseRateLimitStore } from "./rate-limit-store";
import { dialectOf } from "../store/dialects";
import type { TaskHooks } from "../tasks/hooks";
import type { HostedUrls } from "../hosted-urls";
import type { Metrics } from "../metrics";
import type { Writable } from "node:stream";
import { registerProxy } from "../proxy";
import { registerBodyParsers } from "./body";
import { guardRequest, keyFromRequest } from "./auth";
import { KeyCache } from "./key-cache";
import { registerMemberRoutes } from "../routes/members";
import { registerActivityRoute } from "../routes/activity";
import { requireTableEntry } from "../accounts/roles";
import { ApiError, sendError } from "./errors";
import { registerTaskRoutes } from "../routes/tasks";
import { registerProjectRoutes } from "../routes/projects";
import { registerAccountRoutes } from "../routes/account";
import { registerHealthRoutes } from "../routes/health";
import { loggerOptions, registerRequestLog } from "./logging";
import { registerRequestMetrics, registerTokenMetricsRoute } from "../routes/metrics";
import { registerOpenApiRoute, trackRoutes } from "../routes/openapi";
import { registerHostedFiles, registerSpaAssets, registerWebPlugins } from "./web";
import { registerWorkRoutes } from "../routes/work";
import type { CompleteTask } from "../tasks/complete";

export interface AppDeps {
  config: Config;
  db: Db;
  /** Uploaded and generated files, served at /files/. */
  blobs: BlobStore;
  hooks: TaskHooks;
  /** Stored paths of hosted files become URLs on this base when they are answered. */
  urls: HostedUrls;
  /** Extra /v1 routes (the lifecycle's: callbacks, audits, stats, export, files). */
  extraRoutes?: (v1: FastifyInstance) => void;
  /** The lifecycle's completion, for the workbench's Submit (embedded API only). */
  complete?: CompleteTask;
  metrics: Metrics;
  /** pino level (config.logLevel unless the caller overrides it) and, for tests, where lines go. */
  logLevel?: string;
  logStream?: Writable;
  /** True once shutdown began: /readyz answers 503. */
  isClosing?: () => boolean;
}

/** A GET for a page of the console (anything but the API, the console API and hosted files). */
function isClientRoute(method: string, url: string): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  return !(url === "/v1" || url.startsWith("/v1/") || url.startsWith("/console-api/") || url.startsWith("/files/"));
}

/** One Fastify app: the embedded API (or the proxy) under /v1, the SPA and files beside it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({ ...loggerOptions(deps.logLevel ?? config.logLevel, deps.logStream), bodyLimit: config.bodyLimit, trustProxy: config.trustProxy });
  deps.urls.setPortSource(() => {
    const address = app.server.address();
    return typeof address === "object" && address ? address.port : null;
  });
  trackRoutes(app);
  registerRequestLog(app);
  registerRequestMetrics(app, deps.metrics);
  await registerWebPlugins(app, { proxying: Boolean(config.upstreamUrl), publicUrl: config.publicUrl });
  registerHealthRoutes(app, db, deps.isClosing ?? (() => false));
  if (config.metricsToken) registerTokenMetricsRoute(app, deps.metrics, config.metricsToken);

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return sendError(reply, err.statusCode, err.message, err.extra);
    const code = err.statusCode ?? 500;
    if (code === 429) return sendError(reply, 429, "too many requests for this API key; slow down and retry shortly");
    if (code >= 400 && code < 500) return sendError(reply, code, err.message);
    req.log.error(err);
    return sendError(reply, 500, "internal server error");
  });

  app.get("/console-api/config", async (): Promise<ConsoleConfig> => ({
    api: config.upstreamUrl ?? "embedded",
    server_key: Boolean(config.serverApiKey),
    key_sign_in: config.keySignIn,
  }));

  app.addHook("onRoute", (route) => requireTableEntry(route.method, route.url));
  // Every /v1 and /console-api request passes the one gate (credentials, role table, CSRF)
  // before anything else runs, the proxy's forwarding included.
  const keys = new KeyCache(db);
  app.addHook("onRequest", async (req) => {
    const url = req.url;
    if (url.startsWith("/v1/") || url === "/v1" || url.startsWith("/console-api/")) await guardRequest(req, db, config, keys);
  });

  if (config.upstreamUrl) {
    await registerProxy(app, config.upstreamUrl, config.serverApiKey);
  } else {
    registerBodyParsers(app);
    // Outside the authenticated scope: the API's description is public, like its docs.
    registerOpenApiRoute(app);
    await app.register(
      async (v1) => {
        if (config.rateLimitPerMinute > 0) {
          await v1.register(rateLimit, {
            max: config.rateLimitPerMinute,
            timeWindow: 60_000,
            // Several processes on PostgreSQL share the counts; one SQLite process counts in memory.
            store: dialectOf(db).singleProcess ? undefined : databaseRateLimitStore(db),
            // Per key, not per IP: hash so the key never sits in memory as a map key in clear.
            keyGenerator: (req) =>
              crypto.createHash("sha256").update(keyFromRequest(req) ?? req.principal?.member?.id ?? req.ip).digest("hex"),
          });
        }
        v1.addHook("preHandler", async (req) => {
          // `?status=&type=annotation`: an empty query parameter means "no filter", as clients
          // that build URLs from optional values send them.
          const query = req.query as Record<string, unknown>;
          for (const key of Object.keys(query)) if (query[key] === "") delete query[key];
        });
        registerTaskRoutes(v1, db, config, deps.hooks, deps.urls);
        registerProjectRoutes(v1, db);
        registerAccountRoutes(v1, db);
        deps.extraRoutes?.(v1);
        registerActivityRoute(v1, db);
      },
      { prefix: "/v1" },
    );
  }

  await app.register(async (consoleApi) => registerMemberRoutes(consoleApi, db, config));
  // The workbench hands out tasks of the embedded API only; in proxy mode its routes don't exist.
  if (!config.upstreamUrl && deps.complete) {
    const complete = deps.complete;
    await app.register(async (consoleApi) => registerWorkRoutes(consoleApi, db, deps.urls, complete));
  }

  await registerHostedFiles(app, deps.blobs);

  const indexHtml = path.join(config.distDir, "index.html");
  const hasSpa = fs.existsSync(indexHtml);
  if (hasSpa) {
    await registerSpaAssets(app, config.distDir);
  }

  const notFound = (req: FastifyRequest, reply: FastifyReply) => {
    const url = req.url.split("?")[0];
    if (!isClientRoute(req.method, url)) return sendError(reply, 404, `no such endpoint: ${req.method} ${url}`);
    if (!hasSpa) return sendError(reply, 404, "the console is not built; run `npm run build` (npm start does it for you)");
    // Client-side routes (/tasks/abc...) all load the SPA, so links survive a reload.
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(fs.createReadStream(indexHtml));
  };
  // The fallback is a real route (not only the not-found handler) because @fastify/compress
  // attaches itself to routes: index.html answered for /tasks/abc is compressed like any page.
  if (hasSpa) app.get("/*", notFound);
  app.setNotFoundHandler(notFound);

  return app;
}
