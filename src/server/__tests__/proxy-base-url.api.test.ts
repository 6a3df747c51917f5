import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, upstreamBase } from "../config";
import { startTestServer } from "../testing/harness";
import { signInAs } from "../testing/members";

// SCALE_API_URL is taken with or without the `/v1` the official clients' base URL ends in: the
// proxy appends the request's own /v1/... either way, so nothing ends up at /v1/v1/...

let upstream: http.Server;
let upstreamUrl = "";
const seen: string[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push(req.url ?? "");
    const ok = /^(\/gateway)?\/v1\/tasks(\?|$)/.test(req.url ?? "");
    res.writeHead(ok ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(ok ? { docs: [], total: 0, limit: 100, offset: 0, has_more: false } : { status_code: 404, error: `no route ${req.url}` }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

describe("SCALE_API_URL", () => {
  it("reaches /v1/... whether the URL is given with /v1 or without", async () => {
    for (const given of [upstreamUrl, `${upstreamUrl}/`, `${upstreamUrl}/v1`, `${upstreamUrl}/v1/`]) {
      const proxy = await startTestServer({ SCALE_API_URL: given, SCALE_API_KEY: "live_server" });
      try {
        const member = await signInAs(proxy, "reviewer");
        seen.length = 0;
        const res = await member.api("/v1/tasks?limit=1");
        expect(res.status, given).toBe(200);
        expect(seen).toEqual(["/v1/tasks?limit=1"]);
      } finally {
        await proxy.stop();
      }
    }
  });

  it("keeps a path prefix in front of /v1", async () => {
    const proxy = await startTestServer({ SCALE_API_URL: `${upstreamUrl}/gateway/v1`, SCALE_API_KEY: "live_server" });
    try {
      const member = await signInAs(proxy, "reviewer");
      seen.length = 0;
      expect((await member.api("/v1/tasks")).status).toBe(200);
      expect(seen).toEqual(["/gateway/v1/tasks"]);
    } finally {
      await proxy.stop();
    }
  });

  it("answers 401 to a request with neither a session nor a key, and forwards nothing", async () => {
    const proxy = await startTestServer({ SCALE_API_URL: upstreamUrl, SCALE_API_KEY: "live_server" });
    try {
      seen.length = 0;
      const anonymous = await proxy.api("/v1/tasks?limit=1", { key: null });
      expect(anonymous.status).toBe(401);
      const created = await proxy.api("/v1/task/annotation", { key: null, json: { attachment: "x" } });
      expect(created.status).toBe(401);
      expect(seen).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });

  it("normalises the base and refuses what is not an http(s) URL", () => {
    expect(upstreamBase("https://api.scaleapi.com/v1")).toBe("https://api.scaleapi.com");
    expect(upstreamBase("https://api.scaleapi.com/V1/")).toBe("https://api.scaleapi.com");
    expect(upstreamBase("https://api.scaleapi.com")).toBe("https://api.scaleapi.com");
    expect(upstreamBase("https://example.com/v1beta")).toBe("https://example.com/v1beta");
    expect(() => loadConfig({ SCALE_API_URL: "api.scaleapi.com/v1" })).toThrow(/SCALE_API_URL must be an http or https URL/);
    expect(() => loadConfig({ SCALE_API_URL: "ftp://api.scaleapi.com" })).toThrow(/SCALE_API_URL/);
  });
});
