import { z } from "zod";

// Bodies arrive as JSON or form-encoded (`curl -d with_labels=true -d min_width=30`). Form values
// are strings, so every scalar field goes through these coercions. JSON values pass unchanged.

/** "true"/"false"/"1"/"0" (any case) become booleans; anything else is left for z.boolean() to refuse. */
export const formBoolean = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const s = v.trim().toLowerCase();
  if (s === "true" || s === "1") return true;
  if (s === "false" || s === "0") return false;
  return v;
}, z.boolean({ error: "must be true or false" }));

function numeric(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const s = v.trim();
  return s !== "" && Number.isFinite(Number(s)) ? Number(s) : v;
}

export const formNumber = z.preprocess(numeric, z.number({ error: "must be a number" }).finite());

export const formInt = z.preprocess(
  numeric,
  z.number({ error: "must be an integer" }).int({ error: "must be an integer" }),
);

/**
 * A repeated form key arrives as an array, a single one as a plain string: `-d labels=road` must
 * mean `["road"]`. Wrap lone values so both encodings give the same array.
 */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined || v === null || Array.isArray(v) ? v : [v]),
    z.array(item, { error: "must be an array" }),
  );
}

/** A string-to-string dictionary such as `fields[title]="Title of Webpage"`. */
export const stringDictionary = z.record(z.string().min(1), z.string({ error: "must be a string" }), {
  error: "must be an object of key/description strings",
});
