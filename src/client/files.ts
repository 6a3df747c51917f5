import { UploadedFile } from "../schema";
import { ApiError, ContractError, authHeaders } from "./http";
import { readErrorMessage } from "./errors";

/**
 * `POST /v1/files`: uploads the raw bytes of an image (masks the editor encodes, attachments)
 * and resolves where the server serves it. The body is the bytes, not JSON, so this bypasses
 * `send`'s JSON encoding but keeps its auth and error handling.
 */
export async function uploadFile(bytes: Uint8Array, contentType: "image/png" | "image/jpeg" | "image/gif" | "image/webp" = "image/png"): Promise<UploadedFile> {
  let response: Response;
  try {
    response = await fetch("/v1/files", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": contentType, ...authHeaders(true, "POST") },
      body: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "The server could not be reached. Check your connection and try again.");
  }
  if (!response.ok) throw new ApiError(response.status, await readErrorMessage(response));
  const parsed = UploadedFile.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ContractError("/v1/files", parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}
