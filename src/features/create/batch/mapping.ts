// Which part of the create body each column of the file fills, and turning one row into the body
// sent for it: the form's values are the defaults, the row's mapped cells override them.
import type { FieldKind, FieldSpec } from "../form/walk";
import type { RawRow } from "./parse";

export type Target = { kind: "ignore" } | { kind: "field"; name: string } | { kind: "metadata"; key: string };

export interface ColumnMapping {
  column: string;
  target: Target;
}

export function targetKey(t: Target): string {
  if (t.kind === "ignore") return "ignore";
  return t.kind === "field" ? `field:${t.name}` : `metadata:${t.key}`;
}

export function parseTargetKey(key: string): Target {
  if (key.startsWith("field:")) return { kind: "field", name: key.slice(6) };
  if (key.startsWith("metadata:")) return { kind: "metadata", key: key.slice(9) };
  return { kind: "ignore" };
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/[\s.-]+/g, "_");

/** Common spellings of the attachment and unique_id columns in people's spreadsheets. */
const ALIASES: Record<string, string> = {
  url: "attachment",
  image: "attachment",
  image_url: "attachment",
  img: "attachment",
  file: "attachment",
  attachment_url: "attachment",
  id: "unique_id",
  uniqueid: "unique_id",
  external_id: "unique_id",
  labels_to_annotate: "objects_to_annotate",
};

/**
 * The automatic mapping: a column named like a field (any case, spaces or dashes for
 * underscores, or a common alias) fills that field; `metadata.x` / `metadata_x` / `meta_x` fill
 * metadata key x; every other column is kept as metadata under its own name, so nothing in the
 * file is lost unless the user says so.
 */
export function autoMap(columns: readonly string[], fields: readonly FieldSpec[]): ColumnMapping[] {
  const names = new Set(fields.map((f) => f.name));
  const taken = new Set<string>();
  return columns.map((column) => {
    const raw = column.trim();
    const meta = /^(?:metadata|meta)[._](.+)$/i.exec(raw);
    if (meta) return { column, target: { kind: "metadata", key: meta[1] } };
    const n = normalise(raw);
    const name = names.has(n) ? n : ALIASES[n] && names.has(ALIASES[n]) ? ALIASES[n] : undefined;
    if (name && !taken.has(name)) {
      taken.add(name);
      return { column, target: { kind: "field", name } };
    }
    return { column, target: { kind: "metadata", key: raw } };
  });
}

/** Kinds whose CSV cell is the value itself (the schema coerces "true", "30"). */
const SCALAR_KINDS: ReadonlySet<FieldKind> = new Set(["string", "number", "integer", "boolean", "enum"]);
/** Kinds where a plain cell is a list separated by `|` ("car|truck"). */
const LIST_KINDS: ReadonlySet<FieldKind> = new Set(["stringArray", "labelTree"]);

function looksLikeJson(s: string): boolean {
  const t = s.trim();
  return (t.startsWith("[") && t.endsWith("]")) || (t.startsWith("{") && t.endsWith("}"));
}

/**
 * A cell as the value of a field. JSON Lines cells are typed already; a CSV cell is text, which
 * holds JSON for lists and objects (or `a|b|c` for a list of strings). Text that isn't valid JSON
 * is passed on as it is, so the dry run shows the server's message for it.
 */
export function cellValue(cell: unknown, kind: FieldKind | undefined): unknown {
  if (typeof cell !== "string") return cell;
  if (kind && SCALAR_KINDS.has(kind)) return cell;
  if (looksLikeJson(cell)) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  if (kind && LIST_KINDS.has(kind) && cell.includes("|")) return cell.split("|").map((s) => s.trim()).filter(Boolean);
  return cell;
}

const isBlankCell = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The create body of one row. Empty cells leave the default in place; metadata keys from the
 * file are added to the form's metadata.
 */
export function rowBody(
  row: RawRow,
  mapping: readonly ColumnMapping[],
  defaults: Record<string, unknown>,
  kinds: ReadonlyMap<string, FieldKind>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...defaults };
  let metadata: Record<string, unknown> | null = null;
  for (const { column, target } of mapping) {
    const cell = row[column];
    if (target.kind === "ignore" || isBlankCell(cell)) continue;
    if (target.kind === "metadata") {
      metadata ??= isRecord(defaults.metadata) ? { ...defaults.metadata } : {};
      metadata[target.key] = cell;
    } else {
      const value = cellValue(cell, kinds.get(target.name));
      body[target.name] = target.name === "metadata" && isRecord(value) && isRecord(body.metadata) ? { ...body.metadata, ...value } : value;
    }
  }
  if (metadata) body.metadata = isRecord(body.metadata) ? { ...body.metadata, ...metadata } : metadata;
  return body;
}
