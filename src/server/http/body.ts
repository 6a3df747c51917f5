import type { FastifyInstance } from "fastify";
import qs from "qs";
import { ApiError } from "./errors";

/**
 * A form body as an object. Repeated keys (and `key[]`) become arrays; bracket keys become objects,
 * never guessed arrays: `category_ids[123]=x` stays `{"123": "x"}`, and the schema reads an indexed
 * object as an array where it wants one (see formArray in src/schema/form.ts).
 */
export function parseForm(body: string): Record<string, unknown> {
  const normalised = body
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      const rawKey = eq === -1 ? pair : pair.slice(0, eq);
      const key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      if (!key.endsWith("[]")) return pair;
      return encodeURIComponent(key.slice(0, -2)) + (eq === -1 ? "" : pair.slice(eq));
    })
    .join("&");
  return qs.parse(normalised, { depth: 20, parameterLimit: 10_000, duplicates: "combine", parseArrays: false, allowPrototypes: false });
}

/**
 * Bodies as the docs' curl examples send them. Form bodies: repeated keys become arrays
 * (`-d labels=a -d labels=b`), bracket keys objects (`-d fields[title]=...`); strings are coerced
 * later by the schemas. JSON bodies may be empty (`curl -X POST .../cancel`).
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new ApiError(400, `the body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, parseForm(String(body)));
    } catch (err) {
      done(new ApiError(400, `the form body could not be read: ${(err as Error).message}`), undefined);
    }
  });
  // curl without -H sends no type for an empty POST; anything else we keep as raw bytes so the
  // routes that take files (and the proxy) can read them, and the rest refuse them clearly.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
}
