import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HostedUrls, mapParamsUrls, mapResponseUrls } from "./hosted-urls";

// Which URLs are this server's (stored by path) and which are someone else's (kept as given).

function setup(publicUrl?: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hosted-urls-"));
  const distDir = path.join(dataDir, "dist");
  fs.mkdirSync(path.join(dataDir, "files", "uploads"), { recursive: true });
  fs.mkdirSync(path.join(distDir, "sample-images"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "files", "uploads", "a.png"), "x");
  fs.writeFileSync(path.join(distDir, "index.html"), "<!doctype html>");
  fs.writeFileSync(path.join(distDir, "sample-images", "horse.png"), "x");
  const urls = new HostedUrls({ publicUrl, port: 8080, dataDir, distDir });
  urls.setPortSource(() => 9090);
  return urls;
}

describe("HostedUrls", () => {
  it("stores this server's files by path, under any of its names, and answers on today's base", () => {
    const urls = setup();
    expect(urls.toStored("http://localhost:9090/files/uploads/a.png")).toBe("/files/uploads/a.png");
    expect(urls.toStored("http://127.0.0.1:9090/sample-images/horse.png?v=2")).toBe("/sample-images/horse.png?v=2");
    // A link handed out before a restart on another port, naming a file that is here.
    expect(urls.toStored("http://localhost:8080/files/uploads/a.png")).toBe("/files/uploads/a.png");
    // The origin a request reached us by.
    expect(urls.toStored("http://workbench.lan:9090/files/uploads/a.png", ["http://workbench.lan:9090"])).toBe("/files/uploads/a.png");
    expect(urls.toPublic("/files/uploads/a.png")).toBe("http://localhost:9090/files/uploads/a.png");
  });

  it("keeps everybody else's URLs exactly as given", () => {
    const urls = setup();
    for (const url of [
      "https://cdn.example.com/files/uploads/a.png",
      "http://localhost:3000/files/uploads/not-here.png", // another local server, a file we don't have
      "http://localhost:9090/some/page", // not a path we serve
      "http://localhost:9090/index.html",
      "http://localhost:9090/files/..%2f..%2fetc%2fpasswd",
      "ftp://localhost:9090/files/uploads/a.png",
    ]) {
      expect(urls.toStored(url), url).toBe(url);
    }
    expect(urls.toPublic("https://cdn.example.com/a.png")).toBe("https://cdn.example.com/a.png");
    expect(urls.toPublic("//cdn.example.com/a.png")).toBe("//cdn.example.com/a.png");
  });

  it("uses PUBLIC_URL with its path as the base, and only URLs under it are ours", () => {
    const urls = setup("https://example.org/scale");
    expect(urls.toStored("https://example.org/scale/files/uploads/a.png")).toBe("/files/uploads/a.png");
    expect(urls.toStored("https://example.org/other/files/uploads/a.png")).toBe("https://example.org/other/files/uploads/a.png");
    expect(urls.toPublic("/files/uploads/a.png")).toBe("https://example.org/scale/files/uploads/a.png");
    expect(urls.localFileOf("/files/uploads/a.png")).toMatch(/files[/\\]uploads[/\\]a\.png$/);
  });

  it("maps only the fields that hold URLs: attachments (not text), masks, failed attachments", () => {
    const f = (u: string) => `<${u}>`;
    expect(mapParamsUrls({ attachment_type: "text", attachment: "/files/a" }, f)).toEqual({ attachment_type: "text", attachment: "/files/a" });
    expect(mapParamsUrls({ attachment: "/a", attachments: ["/b"], instruction: "/c" }, f)).toEqual({ attachment: "</a>", attachments: ["</b>"], instruction: "/c" });
    expect(mapResponseUrls({ error: "x", attachments: [{ statusCode: 404, url: "/a" }] }, f)).toEqual({ error: "x", attachments: [{ statusCode: 404, url: "</a>" }] });
    const seg = { annotations: { unlabeled: null, labeled: { a: "/m/a", b: ["/m/b0"] }, combined: { image: "/c", indexedImage: "/i" } }, labelMapping: {} };
    expect(mapResponseUrls(seg, f)).toEqual({ annotations: { unlabeled: null, labeled: { a: "</m/a>", b: ["</m/b0>"] }, combined: { image: "</c>", indexedImage: "</i>" } }, labelMapping: {} });
    expect(mapResponseUrls({ annotations: [{ label: "/files/x" }] }, f)).toEqual({ annotations: [{ label: "/files/x" }] });
  });
});
