// The dry run: every row's body checked with the rules the server applies (the type's zod schema
// and the create route's own checks, worded by describeZodError, through the form's validateBody)
// before anything is sent. Runs in slices so 10,000 rows never block the page for long.
import type { TaskType } from "../../../schema";
import type { FieldKind } from "../form/walk";
import { validateBody, type FormContext } from "../form/validate";
import { rowBody, type ColumnMapping } from "./mapping";
import type { ParsedFile } from "./parse";
import { derivedUniqueId } from "./uniqueId";

export interface PreparedRow {
  /** 1-based row of the file (the header not counted). */
  row: number;
  uniqueId: string;
  /** Whether unique_id came from the file or was derived. */
  derived: boolean;
  body: Record<string, unknown>;
  /** The server's messages; empty for a row that will be sent. */
  errors: string[];
}

export interface DryRunInput {
  type: TaskType;
  file: ParsedFile;
  mapping: readonly ColumnMapping[];
  defaults: Record<string, unknown>;
  kinds: ReadonlyMap<string, FieldKind>;
  /** The rules that depend on more than the body: the row's project version, the account's default callback. */
  contextFor(body: Record<string, unknown>): FormContext;
}

/** Work this long, then let the browser paint and handle input: a slice stays well under a frame or two. */
const SLICE_MS = 12;
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function dryRun(input: DryRunInput, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<PreparedRow[]> {
  const { type, file, mapping, defaults, kinds, contextFor } = input;
  const lineErrors = new Map<number, string>();
  for (const e of file.lineErrors) lineErrors.set(e.row, e.message);
  // unique_id is the batch's own: the form's value would make every row the same task.
  const { unique_id: _formUniqueId, ...base } = defaults;
  const firstRowOf = new Map<string, number>();
  const out: PreparedRow[] = [];

  let sliceStart = performance.now();
  for (let i = 0; i < file.rows.length; i++) {
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(i);
      await nextTurn();
      if (signal?.aborted) throw new DOMException("The dry run was stopped", "AbortError");
      sliceStart = performance.now();
    }
    const rowNo = i + 1;
    const raw = file.rows[i];
    const body = rowBody(raw, mapping, base, kinds);
    const given = typeof body.unique_id === "string" && body.unique_id.trim() !== "" ? body.unique_id.trim() : null;
    const uniqueId = given ?? derivedUniqueId(file.name, raw);
    body.unique_id = uniqueId;

    const errors: string[] = [];
    const lineError = lineErrors.get(rowNo);
    if (lineError) errors.push(lineError);
    else {
      const found = validateBody(type, body, contextFor(body));
      for (const messages of Object.values(found.byField)) errors.push(...messages);
    }
    const first = firstRowOf.get(uniqueId);
    if (first !== undefined) {
      errors.push(
        given
          ? `unique_id: "${uniqueId}" is also row ${first}'s; each row is one task`
          : `unique_id: row ${first} has the same content, so this row would be the same task`,
      );
    } else firstRowOf.set(uniqueId, rowNo);
    out.push({ row: rowNo, uniqueId, derived: !given, body, errors });
  }
  onProgress?.(file.rows.length);
  return out;
}
