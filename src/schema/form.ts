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
 * Form bodies are parsed without guessing arrays (`category_ids[123]=x` must stay an object), so
 * an indexed list arrives as `{"0": …, "1": …}`. Where the schema wants an array, read it as one.
 */
function indexedObjectToArray(v: unknown): unknown {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 0 || !keys.every((k) => /^\d+$/.test(k))) return v;
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => (v as Record<string, unknown>)[k]);
}

/** An array in JSON, or an indexed list from a form. */
export function formArray<T extends z.ZodType>(item: T) {
  return z.preprocess(indexedObjectToArray, z.array(item, { error: "must be an array" }));
}

/**
 * A repeated form key arrives as an array, a single one as a plain string: `-d labels=road` must
 * mean `["road"]`. Wrap lone values so both encodings give the same array.
 */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (raw) => {
      const v = indexedObjectToArray(raw);
      return v === undefined || v === null || Array.isArray(v) ? v : [v];
    },
    z.array(item, { error: "must be an array" }),
  );
}

/** A string-to-string dictionary such as `fields[title]="Title of Webpage"`. */
export const stringDictionary = z.record(z.string().min(1), z.string({ error: "must be a string" }), {
  error: "must be an object of key/description strings",
});
