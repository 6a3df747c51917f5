import crypto from "node:crypto";

/**
 * Task ids look like the docs' (`576ba74eec471ff9b01557cc`): 24 lowercase hex characters, the
 * first 8 the creation second, so ids sort roughly by time like MongoDB ObjectIds.
 */
export function newObjectId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, "0");
  return seconds + crypto.randomBytes(8).toString("hex");
}

export function newSecret(prefix: string, bytes = 16): string {
  return prefix + crypto.randomBytes(bytes).toString("hex");
}

export function hashKey(key: string): string {
  // Keys are 128-bit random secrets, so a plain hash is enough: no dictionary to guess from.
  return crypto.createHash("sha256").update(key).digest("hex");
}
