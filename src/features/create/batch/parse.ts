// Reads a batch file into rows without freezing the page: CSV through papaparse in chunk mode
// (it reads the File in slices and hands each slice's rows over between event-loop turns), JSONL
// through the File's stream, line by line. Rows keep the file's order and its 1-based row number.
import Papa from "papaparse";

export type Cell = unknown;
export type RawRow = Record<string, Cell>;

export interface ParsedFile {
  name: string;
  format: "csv" | "jsonl";
  /** Column names in the order first seen. */
  columns: string[];
  rows: RawRow[];
  /** Problems with single lines (bad JSON, a CSV row with too many fields), by 1-based row. */
  lineErrors: { row: number; message: string }[];
}

/** Papa reads the file 256 KB at a time: small enough that each chunk's work is a short task. */
const CSV_CHUNK_BYTES = 256 * 1024;
/** JSONL: parse lines for this long, then yield to the browser. */
const SLICE_MS = 12;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function formatOf(fileName: string): "csv" | "jsonl" | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) return "jsonl";
  return null;
}

export async function parseBatchFile(file: File, onProgress?: (rows: number) => void): Promise<ParsedFile> {
  const format = formatOf(file.name);
  if (!format) throw new Error(`“${file.name}” is neither CSV (.csv, .tsv) nor JSON Lines (.jsonl, .ndjson)`);
  return format === "csv" ? parseCsv(file, onProgress) : parseJsonl(file, onProgress);
}

function parseCsv(file: File, onProgress?: (rows: number) => void): Promise<ParsedFile> {
  return new Promise((resolve, reject) => {
    const rows: RawRow[] = [];
    const lineErrors: ParsedFile["lineErrors"] = [];
    let columns: string[] = [];
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: "greedy",
      chunkSize: CSV_CHUNK_BYTES,
      transformHeader: (h) => h.trim(),
      chunk(results) {
        if (columns.length === 0 && results.meta.fields) columns = results.meta.fields.filter((f) => f !== "");
        const base = rows.length;
        for (const row of results.data) {
          // papaparse puts surplus fields under __parsed_extra; they belong to no column.
          const { __parsed_extra: _extra, ...cells } = row as Record<string, string> & { __parsed_extra?: unknown };
          rows.push(cells);
        }
        for (const e of results.errors) {
          if (e.code === "TooFewFields") continue; // short rows just leave the last columns empty
          if (typeof e.row === "number") lineErrors.push({ row: base + e.row + 1, message: e.message });
        }
        onProgress?.(rows.length);
      },
      complete: () => {
        if (columns.length === 0) reject(new Error(`“${file.name}” has no header row: the first line must name the columns`));
        else resolve({ name: file.name, format: "csv", columns, rows, lineErrors });
      },
      error: (err) => reject(new Error(`could not read “${file.name}”: ${err.message}`)),
    });
  });
}

async function parseJsonl(file: File, onProgress?: (rows: number) => void): Promise<ParsedFile> {
  const rows: RawRow[] = [];
  const lineErrors: ParsedFile["lineErrors"] = [];
  const seen = new Set<string>();
  const columns: string[] = [];
  let lineNo = 0;
  let sliceStart = performance.now();

  const take = (line: string) => {
    lineNo += 1;
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      rows.push({});
      lineErrors.push({ row: rows.length, message: `line ${lineNo} is not JSON: ${(e as Error).message}` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      rows.push({});
      lineErrors.push({ row: rows.length, message: `line ${lineNo} must be a JSON object, one task per line` });
      return;
    }
    const row = value as RawRow;
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
    rows.push(row);
  };

  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let carry = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (carry + value).split(/\r?\n/);
    carry = lines.pop() ?? "";
    for (const line of lines) {
      take(line);
      if (performance.now() - sliceStart > SLICE_MS) {
        onProgress?.(rows.length);
        await nextTurn();
        sliceStart = performance.now();
      }
    }
  }
  take(carry);
  onProgress?.(rows.length);
  return { name: file.name, format: "jsonl", columns, rows, lineErrors };
}
