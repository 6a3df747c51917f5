import fs from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Task, UploadedFile } from "../../../schema";
import { startTestServer, tempDataDir, type TestServer } from "../../testing/harness";
import { DEFAULT_CANVAS } from "../../attachments/attachments";
import { imageInfo } from "../../attachments/image-size";
import { startLocalServer, type LocalServer } from "../../testing/lifecycle";

// Test-mode answers lie inside the image: the size of anything this server serves is read from
// disk (whichever of its names the URL uses), another host's image gets a quick size read, and
// only when both fail does the stated default size apply.

const HORSE = { width: 400, height: 328 }; // public/sample-images/horse.png

function png(width: number, height: number): Buffer {
  const p = new PNG({ width, height });
  p.data.fill(90);
  return PNG.sync.write(p);
}

/** A built console with a sample image, as `npm start` serves it from DIST_DIR. */
function distDir(): string {
  const dir = path.join(tempDataDir(), "dist");
  fs.mkdirSync(path.join(dir, "sample-images"), { recursive: true });
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>console</title>");
  fs.copyFileSync("public/sample-images/horse.png", path.join(dir, "sample-images", "horse.png"));
  return dir;
}

interface Point {
  x: number;
  y: number;
}

/** Every coordinate of a geometry answer. */
function pointsOf(response: unknown): Point[] {
  const out: Point[] = [];
  for (const a of (response as { annotations: Record<string, unknown>[] }).annotations) {
    if (typeof a.left === "number") {
      const [l, t, w, h] = [a.left, a.top, a.width, a.height] as number[];
      out.push({ x: l, y: t }, { x: l + w, y: t + h });
    }
    if (typeof a.x === "number") out.push({ x: a.x, y: a.y as number });
    if (Array.isArray(a.vertices)) out.push(...(a.vertices as Point[]));
  }
  return out;
}

const TYPES = {
  annotation: { objects_to_annotate: ["horse"], with_labels: true },
  polygonannotation: { objects_to_annotate: ["horse"], with_labels: true },
  pointannotation: { objects_to_annotate: ["eye"], with_labels: true },
  lineannotation: { objects_to_annotate: ["edge"], with_labels: true },
  cuboidannotation: { objects_to_annotate: ["box"], with_labels: true },
  segmentannotation: { labels: ["horse", "background"] },
};

describe("test-mode geometry lies inside the image", () => {
  let server: TestServer;
  let publicServer: TestServer;
  let other: LocalServer;

  beforeAll(async () => {
    other = await startLocalServer((req) => (req.path === "/small.png" ? { status: 200, body: png(64, 48), type: "image/png" } : { status: 404 }));
    const dist = distDir();
    server = await startTestServer({ DIST_DIR: dist });
    publicServer = await startTestServer({ DIST_DIR: dist, PUBLIC_URL: "https://workbench.invalid/scale" });
  });
  afterAll(async () => {
    await server.stop();
    await publicServer.stop();
    await other.close();
  });

  /** A URL this server handed out, fetched where the test can reach it (PUBLIC_URL is not served here). */
  const reachable = (s: TestServer, url: string) => s.url + new URL(url).pathname.replace(/^\/scale\//, "/");

  async function answersWithin(s: TestServer, attachment: string, size: { width: number; height: number }) {
    for (const [type, params] of Object.entries(TYPES)) {
      for (let i = 0; i < (type === "segmentannotation" ? 1 : 4); i++) {
        const created = Task.parse(await (await s.api(`/v1/task/${type}`, { json: { attachment, callback_url: "https://hooks.invalid/cb", ...params } })).json());
        const task = Task.parse(await (await s.api(`/v1/task/${created.task_id}`)).json());
        expect(task.status).toBe("completed");
        if (type === "segmentannotation") {
          // Masks are drawn at the image's own size.
          const combined = (task.response as { annotations: { combined: { image: string } } }).annotations.combined.image;
          const mask = imageInfo(new Uint8Array(await (await fetch(reachable(s, combined))).arrayBuffer()));
          expect({ width: mask?.width, height: mask?.height }, `${type} on ${attachment}`).toEqual(size);
          continue;
        }
        const points = pointsOf(task.response);
        expect(points.length).toBeGreaterThan(0);
        for (const p of points) {
          expect(p.x, `${type} on ${attachment}`).toBeGreaterThanOrEqual(0);
          expect(p.y, `${type} on ${attachment}`).toBeGreaterThanOrEqual(0);
          expect(p.x, `${type} on ${attachment}`).toBeLessThanOrEqual(size.width);
          expect(p.y, `${type} on ${attachment}`).toBeLessThanOrEqual(size.height);
        }
      }
    }
  }

  it("knows the size of the console's own /sample-images/ by any of the server's names", async () => {
    const port = new URL(server.url).port;
    expect((await fetch(`${server.url}/sample-images/horse.png`)).status).toBe(200);
    await answersWithin(server, `${server.url}/sample-images/horse.png`, HORSE);
    await answersWithin(server, `http://localhost:${port}/sample-images/horse.png`, HORSE);
    // PUBLIC_URL (not reachable from here) names the same file.
    await answersWithin(publicServer, "https://workbench.invalid/scale/sample-images/horse.png", HORSE);
    // A name of this server it doesn't know (a LAN name): the quick read fails, the path still fits.
    await answersWithin(server, `http://workbench-lan.invalid:${port}/sample-images/horse.png`, HORSE);
  });

  it("knows the size of uploads under /files/", async () => {
    const upload = UploadedFile.parse(await (await server.api("/v1/files", { body: new Uint8Array(png(90, 60)), headers: { "content-type": "image/png" } })).json());
    await answersWithin(server, upload.url, { width: 90, height: 60 });
  });

  it("reads the size of another host's image quickly, and falls back to the stated default", async () => {
    await answersWithin(server, `${other.url}/small.png`, { width: 64, height: 48 });
    expect(DEFAULT_CANVAS).toEqual({ width: 1024, height: 768 });
    await answersWithin(server, `${other.url}/gone.png`, DEFAULT_CANVAS);
  });
});
