import {
  leafLabels,
  type CategorizationParams,
  type CategorizationResponse,
  type ComparisonParams,
  type ComparisonResponse,
  type DatacollectionParams,
  type DatacollectionResponse,
  type TranscriptionParams,
  type TranscriptionResponse,
} from "../../schema";
import { at, type Issues } from "./issues";

// The non-geometry types: answers must match what the params asked for, no more and no less.

/** Exactly the requested keys, each a string. */
function checkFieldSet(path: string, wanted: readonly string[], given: Record<string, string> | undefined, issues: Issues): void {
  if (given === undefined) {
    issues.add(path, `is required (fields ${wanted.join(", ")} were requested)`);
    return;
  }
  for (const k of wanted) if (!(k in given)) issues.add(at(path, k), "is required");
  for (const k of Object.keys(given)) if (!wanted.includes(k)) issues.add(at(path, k), "was not requested");
}

export function checkCategorization(p: CategorizationParams, r: CategorizationResponse, issues: Issues): void {
  const categories = new Set(p.categories);
  const chosen = Array.isArray(r.category) ? r.category : [r.category];
  if (p.allow_multiple !== Array.isArray(r.category)) {
    issues.add("response.category", p.allow_multiple ? "must be an array (allow_multiple is true)" : "must be one category (allow_multiple is false)");
    return;
  }
  if (chosen.length === 0) issues.add("response.category", "must name at least one category");
  if (new Set(chosen).size !== chosen.length) issues.add("response.category", "names a category twice");
  chosen.forEach((c, i) => {
    if (!categories.has(c)) issues.add(Array.isArray(r.category) ? `response.category[${i}]` : "response.category", `"${c}" is not one of categories`);
  });
  if (r.category_id === undefined) return;
  if (!p.category_ids) {
    issues.add("response.category_id", "must be left out: the task has no category_ids");
    return;
  }
  const ids = Array.isArray(r.category_id) ? r.category_id : [r.category_id];
  if (Array.isArray(r.category_id) !== Array.isArray(r.category) || ids.length !== chosen.length) {
    issues.add("response.category_id", "must have one id per chosen category");
    return;
  }
  ids.forEach((id, i) => {
    if (p.category_ids?.[id] !== chosen[i]) issues.add("response.category_id", `"${id}" is not the id of "${chosen[i]}" in category_ids`);
  });
}

export function checkComparison(p: ComparisonParams, r: ComparisonResponse, issues: Issues): void {
  const choices = p.choices ?? [];
  if (choices.length > 0) {
    if (r.choice === undefined) issues.add("response.choice", "is required (the task offers choices)");
    else if (!choices.includes(r.choice)) issues.add("response.choice", `"${r.choice}" is not one of choices`);
  } else if (r.choice !== undefined) {
    issues.add("response.choice", "must be left out: the task offers no choices");
  }
  const wanted = Object.keys(p.fields ?? {});
  if (wanted.length > 0) checkFieldSet("response.fields", wanted, r.fields, issues);
  else if (r.fields !== undefined) issues.add("response.fields", "must be left out: the task asks for no fields");
}

export function checkTranscription(p: TranscriptionParams, r: TranscriptionResponse, issues: Issues): void {
  const wanted = Object.keys(p.fields ?? {});
  if (wanted.length > 0) checkFieldSet("response.fields", wanted, r.fields, issues);
  else if (r.fields !== undefined) issues.add("response.fields", "must be left out: the task asks for no fields");
  const repeatable = p.repeatable_fields ?? {};
  const keys = Object.keys(repeatable);
  if (keys.length === 0) {
    if (r.repeatable_fields !== undefined) issues.add("response.repeatable_fields", "must be left out: the task asks for no repeatable_fields");
    return;
  }
  if (r.repeatable_fields === undefined) {
    issues.add("response.repeatable_fields", `is required (repeatable_fields ${keys.join(", ")} were requested)`);
    return;
  }
  r.repeatable_fields.forEach((row, i) => {
    const path = `response.repeatable_fields[${i}]`;
    checkFieldSet(path, keys, row, issues);
    for (const [k, def] of Object.entries(repeatable)) {
      if ("choices" in def && def.choices && row[k] !== undefined && !leafLabels(def.choices).includes(row[k])) {
        issues.add(at(path, k), `"${row[k]}" is not one of its choices`);
      }
    }
  });
}

export function checkDatacollection(p: DatacollectionParams, r: DatacollectionResponse, issues: Issues): void {
  checkFieldSet("response.fields", Object.keys(p.fields), r.fields, issues);
}
