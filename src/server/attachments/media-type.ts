import { sniffImageType } from "./image-size";

// What a hosted file is, from its first bytes (never from its name): decides how /files/* is
// served. Media a browser renders safely inline are named; anything else is a download.

export type InlineType =
  | "image/png"
  | "image/jpeg"
  | "image/gif"
  | "image/webp"
  | "audio/wav"
  | "audio/mpeg"
  | "audio/ogg"
  | "audio/flac"
  | "video/mp4"
  | "video/webm"
  | "application/pdf"
  | "text/html";

const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1", from, to);

/** The sniffed type, or null for bytes that must not be rendered by a browser. */
export function sniffMediaType(b: Uint8Array): InlineType | null {
  const image = sniffImageType(b);
  if (image) return image;
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WAVE") return "audio/wav";
  if (ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && b.length > 2)) return "audio/mpeg";
  if (ascii(b, 0, 4) === "OggS") return "audio/ogg";
  if (ascii(b, 0, 4) === "fLaC") return "audio/flac";
  if (ascii(b, 4, 8) === "ftyp") return "video/mp4";
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "video/webm";
  if (ascii(b, 0, 5) === "%PDF-") return "application/pdf";
  // An HTML page (a website attachment) is served, but only under a CSP sandbox: no script, and
  // an opaque origin, so it can't reach the console's storage even if it carried one.
  if (/^\s*(<!doctype html|<html)/i.test(ascii(b, 0, Math.min(b.length, 64)))) return "text/html";
  return null;
}
