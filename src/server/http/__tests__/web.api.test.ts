import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, tempDataDir, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { contentTypeOf, openBlobStore } from "../../store/blobs";

// Serving like a production web app, measured from outside with raw HTTP (no client-side
// decompression): compressed assets and JSON, cache headers, security headers, hosted files.

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("HTTP serving", () => {
  let server: TestServer;
  const dist = path.join(tempDataDir(), "dist");
  const script = `console.log(${JSON.stringify("x".repeat(20_000))});\n`;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, "assets"), { recursive: true });
    // As big as the real one (about 1.2 KB, above the compression threshold).
    fs.writeFileSync(path.join(dist, "index.html"), `<!doctype html><html><head><!--${"x".repeat(1500)}--></head><body><div id="root"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script></body></html>`);
    fs.writeFileSync(path.join(dist, "assets", "index-Ab12Cd34.js"), script);
    fs.writeFileSync(path.join(dist, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`);
    // As the build leaves them (vite.config.ts precompress): sent as they are.
    fs.writeFileSync(path.join(dist, "assets", "chunk-Zz99Yy88.js"), script);
    fs.writeFileSync(path.join(dist, "assets", "chunk-Zz99Yy88.js.br"), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(dist, "assets", "chunk-Zz99Yy88.js.gz"), zlib.gzipSync(script, { level: 9 }));
    server = await startTestServer({ DIST_DIR: dist });
    // Planted in the server's own file store (DATA_DIR/files on SQLite, the database on PostgreSQL).
    const db = await server.openDb();
    try {
      const blobs = openBlobStore(db, server.dataDir);
      const plant = (name: string, text: string) => blobs.put(`planted/${name}`, Buffer.from(text), contentTypeOf(name));
      await plant("page.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
      await plant("looks-like.png", `<script>alert(document.cookie)</script>`);
      await plant("site.html", `<!doctype html><title>demo</title><script>alert(1)</script>`);
    } finally {
      await db.destroy();
    }
  });
  afterAll(() => server.stop());

  it("compresses hashed assets with brotli or gzip and caches them for a year", async () => {
    const br = await get(`${server.url}/assets/index-Ab12Cd34.js`, { "accept-encoding": "br, gzip" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const gz = await get(`${server.url}/assets/index-Ab12Cd34.js`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get(`${server.url}/assets/index-Ab12Cd34.js`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it("sends the build's precompressed .br and .gz as they are", async () => {
    const br = await get(`${server.url}/assets/chunk-Zz99Yy88.js`, { "accept-encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.equals(fs.readFileSync(path.join(dist, "assets", "chunk-Zz99Yy88.js.br")))).toBe(true);
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const gz = await get(`${server.url}/assets/chunk-Zz99Yy88.js`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get(`${server.url}/assets/chunk-Zz99Yy88.js`);
    expect(plain.body.toString()).toBe(script);
  });

  it("serves index.html (and client routes) with no-cache and the security headers", async () => {
    for (const url of ["/", "/tasks/abc"]) {
      const page = await get(server.url + url);
      expect(page.status).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-cache");
      const csp = String(page.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-eval");
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect(page.headers["x-frame-options"]).toBe("DENY");
      expect(page.headers["referrer-policy"]).toBe("no-referrer");
    }
    expect((await get(`${server.url}/favicon.svg`)).headers["cache-control"]).toBe("no-cache");
  });

  it("compresses index.html, also when it answers a client route", async () => {
    const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
    for (const url of ["/", "/tasks/abc", "/work/abc?x=1"]) {
      const page = await get(server.url + url, { "accept-encoding": "gzip" });
      expect(page.status, url).toBe(200);
      expect(page.headers["content-encoding"], url).toBe("gzip");
      expect(page.headers["content-type"], url).toMatch(/^text\/html/);
      expect(zlib.gunzipSync(page.body).toString(), url).toBe(html);
    }
  });

  it("compresses JSON answers and streamed exports", async () => {
    for (let i = 0; i < 5; i++) await server.api("/v1/task/categorization", { json: validBodies.categorization });
    const auth = { authorization: "Basic " + Buffer.from(`${server.testKey}:`).toString("base64") };
    const list = await get(`${server.url}/v1/tasks`, { ...auth, "accept-encoding": "gzip" });
    expect(list.headers["content-encoding"]).toBe("gzip");
    expect((JSON.parse(zlib.gunzipSync(list.body).toString()) as { docs: unknown[] }).docs).toHaveLength(5);
    const exported = await get(`${server.url}/v1/tasks/export?format=ndjson`, { ...auth, "accept-encoding": "br" });
    expect(exported.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(exported.body).toString().trim().split("\n")).toHaveLength(5);
  });

  it("serves hosted files by their sniffed type; anything not media is a sandboxed download", async () => {
    const p = new PNG({ width: 4, height: 4 });
    const png = PNG.sync.write(p);
    const up = await server.api("/v1/files", { body: new Uint8Array(png), headers: { "content-type": "image/png" } });
    const { url } = (await up.json()) as { url: string };
    const image = await get(url);
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["content-disposition"]).toBeUndefined();
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    // Revalidated, not cached blindly: the ETag answers 304 (from disk or from the database).
    expect(image.headers["cache-control"]).toBe("no-cache");
    const again = await get(url, { "if-none-match": String(image.headers.etag) });
    expect(again.status).toBe(304);
    for (const name of ["page.svg", "looks-like.png"]) {
      const planted = await get(`${server.url}/files/planted/${name}`);
      expect(planted.status).toBe(200);
      expect(planted.headers["content-type"]).toBe("application/octet-stream");
      expect(planted.headers["content-disposition"]).toBe(`attachment; filename="${name}"`);
      expect(planted.headers["content-security-policy"]).toContain("sandbox");
    }
    const html = await get(`${server.url}/files/planted/site.html`);
    expect(html.headers["content-type"]).toBe("text/html");
    expect(html.headers["content-security-policy"]).toMatch(/default-src 'none'.*sandbox$/);
    expect(html.headers["x-frame-options"]).toBeUndefined();
    expect(html.headers["access-control-allow-origin"]).toBe("*");
  });
});
