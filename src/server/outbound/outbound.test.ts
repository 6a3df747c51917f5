import dns from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboundClient, OutboundRefused, refusalReason } from "./outbound";
import { startLocalServer, type LocalServer } from "../testing/lifecycle";

// The outbound policy against a loopback server. Made-up names resolve through an injected
// look-up, so no test ever sends a packet beyond 127.0.0.1: refused addresses fail before connecting.

describe("refusalReason", () => {
  const always = [
    "169.254.169.254",
    "169.254.0.1",
    "fe80::1",
    "fd00:ec2::254",
    "100.100.100.200",
    "0.0.0.0",
    "::",
    "255.255.255.255",
    "224.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "64:ff9b::a9fe:a9fe",
    "2002:a9fe:a9fe::1",
    "::169.254.169.254",
  ];
  for (const a of always) {
    it(`always refuses ${a}`, () => {
      expect(refusalReason(a, true)).not.toBeNull();
      expect(refusalReason(a, false)).not.toBeNull();
    });
  }
  const privateOnes = ["127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "fc00::1", "fd12::1", "100.64.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"];
  for (const a of privateOnes) {
    it(`refuses ${a} only under OUTBOUND_PRIVATE=deny`, () => {
      expect(refusalReason(a, true)).toBeNull();
      expect(refusalReason(a, false)).toMatch(/OUTBOUND_PRIVATE=deny/);
    });
  }
  for (const a of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"]) {
    it(`allows the public address ${a}`, () => {
      expect(refusalReason(a, false)).toBeNull();
    });
  }
});

describe("OutboundClient", () => {
  let target: LocalServer;
  let port: number;
  const clients: OutboundClient[] = [];
  /** Names for the tests: loopback, the metadata service, and one that flips between look-ups. */
  let flips = 0;
  const lookup = ((hostname: string, options: dns.LookupAllOptions, cb: (e: Error | null, a: dns.LookupAddress[]) => void) => {
    const table: Record<string, string> = {
      "loop.test": "127.0.0.1",
      "metadata.test": "169.254.169.254",
      "mapped.test": "::ffff:169.254.169.254",
      "flip.test": flips++ === 0 ? "127.0.0.1" : "169.254.169.254",
    };
    const address = table[hostname];
    // Anything else (`localhost`) resolves as usual, from /etc/hosts.
    if (!address) return dns.lookup(hostname, { ...options, all: true }, cb);
    cb(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
  }) as unknown as typeof dns.lookup;
  const client = (denyPrivate: boolean, allowedOrigins: string[] = []) => {
    const c = new OutboundClient({ denyPrivate, allowedOrigins, lookup });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    target = await startLocalServer((req) => {
      if (req.path === "/to-metadata") return { status: 302, location: "http://169.254.169.254/latest/meta-data/" };
      if (req.path === "/to-metadata-name") return { status: 302, location: `http://metadata.test:${port}/x` };
      if (req.path === "/to-loop") return { status: 301, location: `http://loop.test:${port}/ok` };
      if (req.path === "/loop-forever") return { status: 302, location: "/loop-forever" };
      return { status: 200, body: "ok" };
    });
    port = Number(new URL(target.url).port);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await target.close();
  });

  it("fetches a name that resolves to loopback when private addresses are allowed", async () => {
    const res = await client(false).fetch(`http://loop.test:${port}/ok`, { maxRedirects: 3 });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("refuses a name that resolves to loopback under OUTBOUND_PRIVATE=deny, and `localhost` too", async () => {
    const c = client(true);
    await expect(c.fetch(`http://loop.test:${port}/ok`, { maxRedirects: 3 })).rejects.toThrow(/loop\.test resolves to 127\.0\.0\.1 is a loopback address/);
    await expect(c.fetch(`http://localhost:${port}/ok`, { maxRedirects: 3 })).rejects.toThrow(OutboundRefused);
    await expect(c.fetch(`${target.url}/ok`, { maxRedirects: 3 })).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
  });

  it("allows the server's own origin under OUTBOUND_PRIVATE=deny", async () => {
    const res = await client(true, [`http://loop.test:${port}`]).fetch(`http://loop.test:${port}/ok`, { maxRedirects: 0 });
    expect(res.status).toBe(200);
  });

  it("always refuses names resolving to metadata addresses, in any notation", async () => {
    const c = client(false);
    await expect(c.fetch(`http://metadata.test:${port}/`, { maxRedirects: 0 })).rejects.toThrow(/link-local/);
    await expect(c.fetch(`http://mapped.test:${port}/`, { maxRedirects: 0 })).rejects.toThrow(/embeds 169\.254\.169\.254/);
    await expect(c.fetch("http://[::ffff:a9fe:a9fe]/", { maxRedirects: 0 })).rejects.toThrow(OutboundRefused);
    await expect(c.fetch("http://169.254.169.254/latest/", { maxRedirects: 0 })).rejects.toThrow(OutboundRefused);
    await expect(c.fetch("http://100.100.100.200/", { maxRedirects: 0 })).rejects.toThrow(/metadata/);
  });

  it("checks every redirect hop", async () => {
    const c = client(false);
    const before = target.received.length;
    await expect(c.fetch(`${target.url}/to-metadata`, { maxRedirects: 3 })).rejects.toThrow(/169\.254\.169\.254 is a link-local/);
    await expect(c.fetch(`${target.url}/to-metadata-name`, { maxRedirects: 3 })).rejects.toThrow(/metadata\.test resolves to 169\.254/);
    const followed = await c.fetch(`${target.url}/to-loop`, { maxRedirects: 3 });
    expect(followed.status).toBe(200);
    // Only our loopback server was ever contacted: the refused hops never connected.
    expect(target.received.slice(before).map((r) => r.path)).toEqual(["/to-metadata", "/to-metadata-name", "/to-loop", "/ok"]);
  });

  it("refuses a redirect into a private address under deny, even from an allowed origin", async () => {
    const c = client(true, [target.url]);
    await expect(c.fetch(`${target.url}/to-loop`, { maxRedirects: 3 })).rejects.toThrow(/loop\.test resolves to 127\.0\.0\.1/);
  });

  it("stops after the redirect limit, and answers the 3xx itself when redirects are off", async () => {
    const c = client(false);
    await expect(c.fetch(`${target.url}/loop-forever`, { maxRedirects: 2 })).rejects.toThrow(/more than 2 redirects/);
    const res = await c.fetch(`${target.url}/to-metadata`, { maxRedirects: 0 });
    expect(res.status).toBe(302);
  });

  it("decides per connection, so a name that changes between look-ups is caught", async () => {
    const c = client(false);
    flips = 0;
    expect((await c.fetch(`http://flip.test:${port}/ok`, { maxRedirects: 0 })).status).toBe(200);
    // A new client (new connection): the second look-up answers the metadata address.
    await expect(client(false).fetch(`http://flip.test:${port}/ok`, { maxRedirects: 0 })).rejects.toThrow(/169\.254\.169\.254/);
  });

  it("refuses schemes other than http and https", async () => {
    await expect(client(false).fetch("file:///etc/passwd", { maxRedirects: 0 })).rejects.toThrow(/file: URLs/);
  });
});
