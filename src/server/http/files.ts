import fs from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { DiskBlobStore, type BlobStore } from "../store/blobs";
import { sendError } from "./errors";

/**
 * `/files/*`: uploads, masks and demo images. On disk (SQLite) @fastify/static serves them with
 * ETags and ranges; in the database (PostgreSQL) every process answers from the shared table.
 */
export async function registerHostedFiles(app: FastifyInstance, blobs: BlobStore): Promise<void> {
  if (blobs instanceof DiskBlobStore) {
    fs.mkdirSync(blobs.dir, { recursive: true });
    await app.register(fastifyStatic, { root: blobs.dir, prefix: "/files/", decorateReply: false, index: false });
    return;
  }
  app.get<{ Params: { "*": string } }>("/files/*", async (req, reply) => {
    const file = await blobs.get(req.params["*"]);
    if (!file) return sendError(reply, 404, `no such file: ${req.url.split("?")[0]}`);
    return reply
      .type(file.contentType)
      .header("content-length", file.bytes.length)
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "public, max-age=0")
      .send(file.bytes);
  });
}
