// Whether the server has rejected the current credentials. A 401 from any /v1 call flips this on
// and the app shows the sign-in screen; signing in again (or out) resets it.
import { useSyncExternalStore } from "react";

let rejected: string | null = null;
const listeners = new Set<() => void>();

export function markUnauthorized(message: string): void {
  if (rejected === message) return;
  rejected = message;
  listeners.forEach((l) => l());
}

export function clearUnauthorized(): void {
  if (rejected === null) return;
  rejected = null;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): string | null {
  return rejected;
}

/** The server's 401 message while sign-in is required, else null. */
export function useUnauthorized(): string | null {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
