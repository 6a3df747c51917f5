import dns from "node:dns";
import net, { type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, fetch, type RequestInit, type Response } from "undici";

// Every request this server makes to a URL an API user gave (callbacks, attachment checks) goes
// through here. The address is decided AFTER DNS resolution, inside the connection's own lookup,
// so the address checked is the address connected to (a name that resolves differently on a
// second look-up gains nothing), and again for every redirect hop, which is followed by hand.
//
// Always refused: link-local (169.254/16, fe80::/10, where cloud metadata services live), the
// known metadata addresses outside it, unspecified/broadcast/multicast. With OUTBOUND_PRIVATE=deny
// (a shared, hosted server) also loopback, private and every other non-public range, except the
// server's own PUBLIC_URL origin.

export interface OutboundPolicy {
  /** OUTBOUND_PRIVATE=deny: refuse loopback and private ranges too. */
  denyPrivate: boolean;
  /** Origins exempt from the private-range rule (the server's own PUBLIC_URL). */
  allowedOrigins: readonly string[];
  /** DNS look-up; tests pass one that maps made-up names to chosen addresses. */
  lookup?: typeof dns.lookup;
}

/** A request refused by the policy; `message` says what and why, for the attempt log. */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefused";
  }
}

/** Metadata endpoints that are not link-local: AWS IPv6 IMDS, Alibaba Cloud, Azure's wire server. */
const METADATA = new Set(["fd00:ec2::254", "100.100.100.200", "168.63.129.16"]);
const ALWAYS_REFUSED_V4 = new Set(["linkLocal", "unspecified", "broadcast", "multicast"]);
const ALWAYS_REFUSED_V6 = new Set(["linkLocal", "unspecified", "multicast"]);

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedV4(a: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = a.range();
  const p = a.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (range === "ipv4Mapped") return a.toIPv4Address();
  if (range === "rfc6052" || range === "rfc6145") return v4(p[6], p[7]);
  if (range === "6to4") return v4(p[1], p[2]);
  // IPv4-compatible (::a.b.c.d, deprecated but still routed by some stacks); not :: or ::1.
  if (p.slice(0, 6).every((x) => x === 0) && (p[6] !== 0 || p[7] > 1)) return v4(p[6], p[7]);
  return null;
}

/**
 * Why an address must not be contacted, or null when it may. `allowPrivate` is false under
 * OUTBOUND_PRIVATE=deny (unless the URL is the server's own origin).
 */
export function refusalReason(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const parsed = ipaddr.parse(address);
  if (METADATA.has(parsed.toNormalizedString()) || METADATA.has(parsed.toString())) return `${address} is a cloud metadata address`;
  if (parsed.kind() === "ipv6") {
    const inner = embeddedV4(parsed as ipaddr.IPv6);
    if (inner) {
      const why = refusalReason(inner.toString(), allowPrivate);
      return why ? `${address} embeds ${inner.toString()}: ${why}` : null;
    }
  }
  const range = parsed.range();
  const always = parsed.kind() === "ipv4" ? ALWAYS_REFUSED_V4 : ALWAYS_REFUSED_V6;
  if (always.has(range)) return `${address} is a ${describe(range)} address`;
  if (!allowPrivate && range !== "unicast") return `${address} is a ${describe(range)} address (OUTBOUND_PRIVATE=deny)`;
  return null;
}

function describe(range: string): string {
  const names: Record<string, string> = {
    linkLocal: "link-local",
    unspecified: "unspecified",
    loopback: "loopback",
    private: "private",
    uniqueLocal: "private (unique local)",
    carrierGradeNat: "shared (carrier-grade NAT)",
  };
  return names[range] ?? `reserved (${range})`;
}

/** A DNS look-up that fails when any address of the name is refused. */
function guardedLookup(base: typeof dns.lookup, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as unknown as dns.LookupAddress[];
      if (list.length === 0) return callback(new OutboundRefused(`refused: ${hostname} resolves to no address`), "", 0);
      for (const a of list) {
        const why = refusalReason(a.address, allowPrivate);
        if (why) return callback(new OutboundRefused(`refused: ${hostname} resolves to ${why}`), "", 0);
      }
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}

export interface OutboundRequest extends Pick<RequestInit, "method" | "headers" | "body" | "signal"> {
  /** Redirects to follow (each hop checked again); 0 answers the 3xx itself. */
  maxRedirects: number;
}

/** Fetches user-given URLs under one policy. One per process; its agents keep connections. */
export class OutboundClient {
  private readonly strict: Agent;
  private readonly lenient: Agent;

  constructor(private readonly policy: OutboundPolicy) {
    const base = policy.lookup ?? dns.lookup;
    this.strict = new Agent({ connect: { lookup: guardedLookup(base, !policy.denyPrivate) } });
    this.lenient = new Agent({ connect: { lookup: guardedLookup(base, true) } });
  }

  private allowPrivate(url: URL): boolean {
    return !this.policy.denyPrivate || this.policy.allowedOrigins.includes(url.origin);
  }

  /** Refuses before any connection what can be decided from the URL alone. */
  private checkUrl(url: URL): void {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundRefused(`refused: ${url.protocol} URLs are not fetched`);
    // An IP literal never reaches the look-up, so it is checked here.
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(host)) {
      const why = refusalReason(host, this.allowPrivate(url));
      if (why) throw new OutboundRefused(`refused: ${why}`);
    }
  }

  /** Like fetch, but every hop is checked; throws OutboundRefused for a refused address. */
  async fetch(input: string, req: OutboundRequest): Promise<Response> {
    let url = new URL(input);
    let init: RequestInit = { method: req.method, headers: req.headers, body: req.body, signal: req.signal };
    for (let hop = 0; ; hop++) {
      this.checkUrl(url);
      let res: Response;
      try {
        res = await fetch(url, { ...init, redirect: "manual", dispatcher: this.allowPrivate(url) && this.policy.denyPrivate ? this.lenient : this.strict });
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        if (cause instanceof OutboundRefused) throw cause;
        throw err;
      }
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location || req.maxRedirects === 0) return res;
      await res.body?.cancel().catch(() => undefined);
      if (hop >= req.maxRedirects) throw new OutboundRefused(`refused: more than ${req.maxRedirects} redirects`);
      url = new URL(location, url);
      // As browsers do: 303 (and 301/302 after a POST) continue as a GET without a body.
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && init.method === "POST")) {
        init = { ...init, method: "GET", body: undefined };
      }
    }
  }

  /**
   * A POST whose answer is its status alone (a callback delivery), redirects not followed: the
   * same policy and agents as `fetch`, through undici's plain request API, which costs a fraction
   * of fetch's CPU per request (no WHATWG Request, Response and body streams) at hundreds of
   * callbacks a second. The body is read and dropped.
   */
  async post(input: string, req: { headers: Record<string, string>; body: string; signal: AbortSignal }): Promise<number> {
    const url = new URL(input);
    this.checkUrl(url);
    const agent = this.allowPrivate(url) && this.policy.denyPrivate ? this.lenient : this.strict;
    try {
      const res = await agent.request({ origin: url.origin, path: url.pathname + url.search, method: "POST", headers: req.headers, body: req.body, signal: req.signal });
      await res.body.dump().catch(() => undefined);
      return res.statusCode;
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      if (cause instanceof OutboundRefused) throw cause;
      throw err;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.strict.close(), this.lenient.close()]);
  }
}

/** The reason to record for a failed outbound request. */
export function outboundFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof OutboundRefused) return err.message;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError") return `timed out after ${timeoutMs} ms`;
  if (e.cause instanceof OutboundRefused) return e.cause.message;
  return e.cause?.code ?? e.cause?.message ?? e.message;
}
