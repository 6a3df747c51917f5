import type { FastifyInstance } from "fastify";
import type { UploadedFile } from "../../schema";
import { ApiError, badRequest } from "../http/errors";
import type { FileStore } from "../files/files";

/**
 * `POST /v1/files`: the raw bytes of a PNG, JPEG, GIF or WebP image (the body limit is the
 * server's BODY_LIMIT_BYTES), stored as a hosted file named by its content hash.
 */
export function registerFileRoutes(v1: FastifyInstance, files: FileStore): void {
  v1.post("/files", async (req, reply): Promise<UploadedFile> => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw badRequest("send the file's bytes as the request body with Content-Type image/png, image/jpeg, image/gif or image/webp");
    }
    const saved = await files.saveUpload(req.body);
    if (!saved) throw new ApiError(400, "file: only PNG, JPEG, GIF and WebP images can be uploaded");
    reply.code(201);
    return saved;
  });
}
