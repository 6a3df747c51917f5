// Bytes as base64 text and back, for what only takes text: a data URL in "Download my work", the
// page-hide rescue copy of a painting in localStorage (rescueSlot.ts). atob/btoa exist in every
// browser and in Node, so the same code runs in vitest.

export function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  // In chunks: String.fromCharCode takes arguments, and an image's worth would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Throws (a DOMException) on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
