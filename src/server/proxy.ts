import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "./http/errors";

// The SPA only ever calls its own origin. When SCALE_API_URL is set, /v1/* (and nothing else:
// this is never an open proxy) is forwarded there with the caller's key, or, for a signed-in
// member whose role the gate (http/auth.ts) already allowed, with the server's own key. A request
// with neither never gets here: the gate answers 401.

const HOP_BY_HOP = new Set([
  "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
  "transfer-encoding", "upgrade", "host", "content-length",
]);

/** The console's own credentials are this server's business, never the upstream's. */
const CONSOLE_ONLY = new Set(["cookie", "x-csrf-token"]);

export async function registerProxy(app: FastifyInstance, upstream: string, serverKey: string | undefined): Promise<void> {
  // Its own scope, so raw bodies apply to /v1 only (the console's own endpoints parse JSON).
  await app.register(async (scope) => registerForwarding(scope, upstream, serverKey));
}

function registerForwarding(app: FastifyInstance, upstream: string, serverKey: string | undefined): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, raw, done) => done(null, raw));
  const forward = async (req: FastifyRequest, reply: FastifyReply) => {
    const target = upstream + req.url; // req.url starts with /v1/
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(name) || CONSOLE_ONLY.has(name) || value === undefined) continue;
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    if (req.principal?.member) {
      if (!serverKey) {
        return sendError(reply, 503, "members use the server's key through this proxy, and SCALE_API_KEY is not set on the server");
      }
      headers.set("authorization", "Basic " + Buffer.from(`${serverKey}:`).toString("base64"));
    }
    headers.delete("accept-encoding"); // let the body pass through undecoded-length-agnostic
    // Bodies are kept as the raw bytes the browser sent (see registerProxy), so forms stay forms.
    const body = Buffer.isBuffer(req.body) && req.body.length > 0 ? new Blob([new Uint8Array(req.body)]) : undefined;
    let res: Response;
    try {
      res = await fetch(target, { method: req.method, headers, body, redirect: "manual" });
    } catch (err) {
      return sendError(reply, 502, `the upstream API at ${upstream} could not be reached: ${(err as Error).message}`);
    }
    reply.code(res.status);
    res.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== "content-encoding") reply.header(name, value);
    });
    return reply.send(Buffer.from(await res.arrayBuffer()));
  };
  app.all("/v1/*", forward);
}
