import { decode as decodePng, type DecodedPng } from "fast-png";
import { MaskLookup, maskEntries, type LabelMapping } from "../../../geometry";
import { SegmentannotationResponse } from "../../../schema";

// Opening an existing segmentation answer (a submitted response or a saved draft) for editing:
// the docs' response points at PNGs; this reads them back into ONE label-index raster with the
// same numbers `labelMapping` gives, the inverse of `encode.ts`. Decoding is fast-png (pure JS,
// the encoder's library), not the browser's image decoder: no colour management can shift an
// index, and the same code runs in vitest for the round-trip test.
//
// Which image is read, best first (as view mode's `raster/mask.ts` does):
//  1. combined.indexedImage — the red channel of each pixel is its index;
//  2. the per-label masks in `labeled` — white where the label or instance is;
//  3. combined.image — each colour read back through labelMapping's colours.

/** Fetches a file's bytes; the default goes through the console's origin (`consoleUrl`). */
export type FetchBytes = (url: string) => Promise<Uint8Array>;

export interface DecodedAnswer {
  width: number;
  height: number;
  /** One label index per pixel, row-major; 0 is unlabeled. */
  indices: Uint8Array;
  labelMapping: LabelMapping;
  from: "indexedImage" | "labeled" | "image";
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Where to fetch a mask from. The server writes its hosted files' links with PUBLIC_URL or
 * `http://localhost:<port>`, which need not be the host (or even the port, after a restart) the
 * console was opened on; the console's CSP lets the page fetch its own origin. So a loopback
 * link to `/files/…` is fetched from the console's origin; any other URL as it is.
 */
export function consoleUrl(url: string, origin: string): string {
  const u = new URL(url, origin);
  if (u.origin !== origin && LOOPBACK.has(u.hostname) && u.pathname.startsWith("/files/")) return `${origin}${u.pathname}${u.search}`;
  return u.href;
}

export const fetchThroughConsole: FetchBytes = async (url) => {
  const target = consoleUrl(url, window.location.origin);
  let res: Response;
  try {
    res = await fetch(target, { credentials: "same-origin" });
  } catch {
    throw new Error(`${url} could not be fetched (network error or blocked by the browser)`);
  }
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

/**
 * Reads channel `c` (0-based) of every pixel as the 0–255 value a browser would show: bit
 * depths below 8 are unpacked and scaled, 16 bits keep the high byte, a palette image's entries
 * are looked up (its channels are then r, g, b, a).
 */
function channelReader(png: DecodedPng): { channels: number; read(pixel: number, c: number): number } {
  const { width, depth, data } = png;
  const raw = png.palette ? 1 : png.channels;
  const rowSamples = width * raw;
  const rowBytes = depth < 8 ? Math.ceil((rowSamples * depth) / 8) : rowSamples;
  const max = (1 << depth) - 1;
  const sample = (pixel: number, c: number): number => {
    const y = Math.floor(pixel / width);
    const i = (pixel - y * width) * raw + c;
    if (depth === 8) return data[y * rowSamples + i];
    if (depth === 16) return data[y * rowSamples + i] >> 8;
    const bit = i * depth;
    const byte = data[y * rowBytes + (bit >> 3)];
    return (byte >> (8 - depth - (bit & 7))) & max;
  };
  const palette = png.palette;
  if (palette) {
    const alpha = png.transparency;
    return {
      channels: 4,
      read(pixel, c) {
        const index = sample(pixel, 0);
        if (c === 3) return alpha && index < alpha.length ? alpha[index] : 255;
        return palette[index]?.[c] ?? 0;
      },
    };
  }
  const scale = depth < 8 ? 255 / max : 1;
  return { channels: raw, read: (pixel, c) => Math.round(sample(pixel, c) * scale) };
}

function readPng(bytes: Uint8Array, what: string): DecodedPng {
  try {
    return decodePng(bytes);
  } catch (e) {
    throw new Error(`${what} is not a PNG that can be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The indexed image's red channel: one label index per pixel. */
export function indicesFromIndexedPng(bytes: Uint8Array): { width: number; height: number; indices: Uint8Array } {
  const png = readPng(bytes, "combined.indexedImage");
  const { width, height } = png;
  const indices = new Uint8Array(width * height);
  // The editor's own files (palette i = (i, i, i), 8 bit) take the fast path.
  const identity = png.palette && png.depth === 8 && png.palette.every((p, i) => p[0] === i);
  if (identity || (!png.palette && png.depth === 8 && png.channels === 1)) indices.set(png.data.subarray(0, indices.length));
  else {
    const r = channelReader(png);
    for (let i = 0; i < indices.length; i++) indices[i] = r.read(i, 0);
  }
  return { width, height, indices };
}

/** A binary mask's pixels that are set: white (grey value above half) and not transparent. */
export function maskPixels(bytes: Uint8Array, what: string): { width: number; height: number; set: (pixel: number) => boolean } {
  const png = readPng(bytes, what);
  const r = channelReader(png);
  const alpha = r.channels === 2 ? 1 : r.channels === 4 ? 3 : -1;
  return { width: png.width, height: png.height, set: (p) => r.read(p, 0) > 127 && (alpha < 0 || r.read(p, alpha) > 127) };
}

async function fromLabeled(response: SegmentannotationResponse, fetchBytes: FetchBytes): Promise<Omit<DecodedAnswer, "labelMapping" | "from">> {
  const indexOf = new Map(maskEntries(response.labelMapping).map((e) => [`${e.label}\u0000${e.instance ?? ""}`, e.index]));
  const masks: { index: number; url: string; what: string }[] = [];
  for (const [label, value] of Object.entries(response.annotations.labeled)) {
    const urls = Array.isArray(value) ? value : [value];
    urls.forEach((url, i) => {
      const index = indexOf.get(`${label}\u0000${Array.isArray(value) ? i : ""}`);
      if (index !== undefined && url) masks.push({ index, url, what: `the mask of "${label}"${Array.isArray(value) ? ` #${i + 1}` : ""}` });
    });
  }
  if (masks.length === 0) throw new Error("no per-label masks to read");
  let grid: { width: number; height: number; indices: Uint8Array } | null = null;
  for (const m of masks) {
    const mask = maskPixels(await fetchBytes(m.url), m.what);
    grid ??= { width: mask.width, height: mask.height, indices: new Uint8Array(mask.width * mask.height) };
    if (mask.width !== grid.width || mask.height !== grid.height) {
      throw new Error(`${m.what} is ${mask.width}×${mask.height}, the others ${grid.width}×${grid.height}`);
    }
    for (let p = 0; p < grid.indices.length; p++) if (mask.set(p)) grid.indices[p] = m.index;
  }
  return grid as { width: number; height: number; indices: Uint8Array };
}

async function fromCombinedImage(response: SegmentannotationResponse, fetchBytes: FetchBytes): Promise<Omit<DecodedAnswer, "labelMapping" | "from">> {
  const png = readPng(await fetchBytes(response.annotations.combined.image), "combined.image");
  const lookup = new MaskLookup(maskEntries(response.labelMapping));
  const r = channelReader(png);
  const indices = new Uint8Array(png.width * png.height);
  const [g, b] = r.channels >= 3 ? [1, 2] : [0, 0];
  for (let p = 0; p < indices.length; p++) indices[p] = lookup.atColor(r.read(p, 0), r.read(p, g), r.read(p, b))?.index ?? 0;
  return { width: png.width, height: png.height, indices };
}

/**
 * Reads an existing answer back into label indices. Throws with the reason when the response
 * isn't a segmentation response or none of its images can be read.
 */
export async function decodeSegmentationAnswer(response: unknown, fetchBytes: FetchBytes): Promise<DecodedAnswer> {
  const parsed = SegmentannotationResponse.safeParse(response);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`the saved answer is not a segmentation response (${issue.path.join(".") || "response"}: ${issue.message})`);
  }
  const r = parsed.data;
  const failures: string[] = [];
  const attempts: [DecodedAnswer["from"], () => Promise<Omit<DecodedAnswer, "labelMapping" | "from">>][] = [
    ["indexedImage", async () => indicesFromIndexedPng(await fetchBytes(r.annotations.combined.indexedImage))],
    ["labeled", () => fromLabeled(r, fetchBytes)],
    ["image", () => fromCombinedImage(r, fetchBytes)],
  ];
  for (const [from, attempt] of attempts) {
    try {
      return { ...(await attempt()), labelMapping: r.labelMapping, from };
    } catch (e) {
      failures.push(`${from}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`none of the answer's mask images could be read (${failures.join("; ")})`);
}
