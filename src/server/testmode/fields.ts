import {
  leafLabels,
  type AudiotranscriptionResponse,
  type CategorizationParams,
  type CategorizationResponse,
  type ComparisonParams,
  type ComparisonResponse,
  type DatacollectionParams,
  type DatacollectionResponse,
  type TranscriptionParams,
  type TranscriptionResponse,
} from "../../schema";
import type { Rng } from "./rng";

// Synthetic answers for the non-geometry types: exactly the fields asked for, choices from the
// offered ones. The values say they come from test mode, as the docs warn they are not real.

const fill = (description: string) => `Test mode value for "${description}"`;

function fieldAnswers(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, description]) => [k, fill(description)]));
}

export function categorization(p: CategorizationParams, rng: Rng): CategorizationResponse {
  const idOf = new Map(Object.entries(p.category_ids ?? {}).map(([id, c]) => [c, id]));
  const chosen = p.allow_multiple
    ? p.categories.filter((_, i) => i === 0 || rng.chance(0.4)).sort(() => rng.next() - 0.5)
    : [rng.pick(p.categories)];
  const out: CategorizationResponse = { category: p.allow_multiple ? chosen : chosen[0] };
  if (p.category_ids && chosen.every((c) => idOf.has(c))) {
    const ids = chosen.map((c) => idOf.get(c)!);
    out.category_id = p.allow_multiple ? ids : ids[0];
  }
  return out;
}

export function comparison(p: ComparisonParams, rng: Rng): ComparisonResponse {
  const out: ComparisonResponse = {};
  if (p.choices && p.choices.length > 0) out.choice = rng.pick(p.choices);
  if (p.fields && Object.keys(p.fields).length > 0) out.fields = fieldAnswers(p.fields);
  return out;
}

export function transcription(p: TranscriptionParams, rng: Rng): TranscriptionResponse {
  const out: TranscriptionResponse = {};
  if (p.fields && Object.keys(p.fields).length > 0) out.fields = fieldAnswers(p.fields);
  const repeatable = Object.entries(p.repeatable_fields ?? {});
  if (repeatable.length > 0) {
    out.repeatable_fields = Array.from({ length: rng.int(1, 3) }, (_, row) =>
      Object.fromEntries(
        repeatable.map(([k, def]) => [k, "choices" in def && def.choices ? rng.pick(leafLabels(def.choices)) : `${fill(def.description)} #${row + 1}`]),
      ),
    );
  }
  return out;
}

export function audiotranscription(): AudiotranscriptionResponse {
  return { transcript: "Test mode transcript: no one listened to this recording." };
}

export function datacollection(p: DatacollectionParams): DatacollectionResponse {
  return { fields: fieldAnswers(p.fields) };
}
