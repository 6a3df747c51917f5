import type { AttributeValues } from "../../schema";

// Label and attributes are optional keys on every wire annotation: absent, not empty, when unset.

export function setOptional<T extends object, K extends string, V>(a: T, key: K, value: V | undefined): T {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out as T;
}

export function withLabel<T extends { label?: string }>(a: T, label: string | undefined): T {
  return setOptional(a, "label", label);
}

export function withAttributes<T extends { attributes?: AttributeValues }>(a: T, attributes: AttributeValues | undefined): T {
  return setOptional(a, "attributes", attributes && Object.keys(attributes).length > 0 ? attributes : undefined);
}

/** Rounds to 1/100 px: what the editor writes on the wire (pointer maths gives long fractions). */
export function roundPx(v: number): number {
  return Math.round(v * 100) / 100;
}
