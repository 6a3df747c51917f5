// The form's value is the create body itself, exactly as it will be sent. These helpers read and
// write it by path without mutating it; a field set to undefined is dropped, so an untouched
// optional field is simply absent from the request (the server applies its default).

export type Body = Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function getIn(body: unknown, path: readonly string[]): unknown {
  let v = body;
  for (const key of path) {
    if (!isRecord(v)) return undefined;
    v = v[key];
  }
  return v;
}

export function setIn(body: Body, path: readonly string[], value: unknown): Body {
  if (path.length === 0) return isRecord(value) ? value : body;
  const [head, ...rest] = path;
  const next: Body = { ...body };
  const child = rest.length === 0 ? value : setIn(isRecord(body[head]) ? (body[head] as Body) : {}, rest, value);
  if (child === undefined) delete next[head];
  else next[head] = child;
  return next;
}

/** A value the user hasn't filled in: nothing to send. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}
