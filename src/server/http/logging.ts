import crypto from "node:crypto";
import type { Writable } from "node:stream";
import { LogController, type FastifyInstance, type FastifyServerOptions } from "fastify";

// Structured JSON logs (Fastify's pino): one line per request with its id, route, status and
// time. Keys never reach a log: no headers are logged at all, and as a second fence pino redacts
// every header and field that can carry one (Authorization, cookies, the callback auth key).

/** Paths pino blanks out wherever a request, a header set or an error carries them. */
const REDACT = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["scale-callback-auth"]',
  'req.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  'headers["scale-callback-auth"]',
  "authorization",
  "cookie",
  "callback_auth_key",
  "api_key",
  "key",
];

/** Query parameters whose value is dropped from a logged URL, should a client put a key there. */
const SECRET_PARAMS = /^(key|api_key|apikey|token|access_token|auth|password|callback_auth_key)$/i;

/** The URL as logged: no fragment (a `#key=` link), secret-looking query values replaced. */
export function loggableUrl(raw: string): string {
  const noFragment = raw.split("#")[0];
  const q = noFragment.indexOf("?");
  if (q === -1) return noFragment;
  const params = new URLSearchParams(noFragment.slice(q + 1));
  for (const name of [...params.keys()]) if (SECRET_PARAMS.test(name)) params.set(name, "[redacted]");
  return `${noFragment.slice(0, q)}?${params.toString()}`;
}

/** A request id: the caller's `x-request-id` when it is a sane token, else a new UUID. */
function requestId(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && /^[A-Za-z0-9._:-]{1,128}$/.test(v) ? v : crypto.randomUUID();
}

export function loggerOptions(level: string, stream?: Writable): Pick<FastifyServerOptions, "logger" | "genReqId" | "logController"> {
  return {
    logger:
      level === "silent"
        ? false
        : {
            level,
            redact: { paths: REDACT, censor: "[redacted]" },
            // Only what the one request line needs; Fastify's default adds host and port.
            serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: loggableUrl(req.url) }) },
            ...(stream ? { stream } : {}),
          },
    genReqId: (req) => requestId(req.headers["x-request-id"]),
    // Fastify's own request logging writes two lines per request; ours writes one.
    logController: new LogController({ disableRequestLogging: true }),
  };
}

/** One line per answered request, and the request id echoed to the caller. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.addHook("onResponse", async (req, reply) => {
    const line = {
      method: req.method,
      url: loggableUrl(req.url),
      route: req.routeOptions.url ?? null,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: req.ip,
    };
    if (reply.statusCode >= 500) req.log.error(line, "request");
    else req.log.info(line, "request");
  });
}
