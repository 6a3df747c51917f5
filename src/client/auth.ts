// The API key the browser sends as HTTP Basic user name. It lives in Web Storage (the user picks
// sessionStorage = "this tab only" or localStorage = "remember on this device") and is mirrored in
// memory so fetches and React read one value. React subscribes through useSyncExternalStore.
import { useSyncExternalStore } from "react";

export type KeyPersistence = "session" | "local";
export type KeyMode = "test" | "live" | "unknown";

export interface ApiKeyState {
  key: string | null;
  persistence: KeyPersistence;
}

const STORAGE_NAME = "scale-console.api-key";
const HASH_PARAM = "key";

function readStorage(storage: Storage): string | null {
  try {
    const value = storage.getItem(STORAGE_NAME);
    return value && value.trim() ? value : null;
  } catch {
    // Storage can throw in privacy modes; behave as if nothing was stored.
    return null;
  }
}

function loadInitial(): ApiKeyState {
  if (typeof window === "undefined") return { key: null, persistence: "session" };
  const session = readStorage(window.sessionStorage);
  if (session) return { key: session, persistence: "session" };
  const local = readStorage(window.localStorage);
  if (local) return { key: local, persistence: "local" };
  return { key: null, persistence: "session" };
}

let state: ApiKeyState = loadInitial();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function getApiKeyState(): ApiKeyState {
  return state;
}

export function getApiKey(): string | null {
  return state.key;
}

/** Stores the key where the user asked and forgets it everywhere else. */
export function setApiKey(key: string, persistence: KeyPersistence): void {
  const trimmed = key.trim();
  try {
    window.sessionStorage.removeItem(STORAGE_NAME);
    window.localStorage.removeItem(STORAGE_NAME);
    (persistence === "local" ? window.localStorage : window.sessionStorage).setItem(STORAGE_NAME, trimmed);
  } catch {
    // Keep the in-memory copy so the session still works when storage is unavailable.
  }
  state = { key: trimmed, persistence };
  emit();
}

export function clearApiKey(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_NAME);
    window.localStorage.removeItem(STORAGE_NAME);
  } catch {
    // nothing to clear
  }
  state = { key: null, persistence: state.persistence };
  emit();
}

export function subscribeApiKey(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useApiKey(): ApiKeyState {
  return useSyncExternalStore(subscribeApiKey, getApiKeyState, getApiKeyState);
}

/** Test and live keys are told apart by prefix, as in the API docs. */
export function modeOfKey(key: string | null): KeyMode {
  if (!key) return "unknown";
  if (key.startsWith("test_")) return "test";
  if (key.startsWith("live_")) return "live";
  return "unknown";
}

/**
 * A link like `/tasks#key=test_abc` signs in with that key (for this tab only) and the key is
 * removed from the address bar at once so it doesn't linger in history or get shared by accident.
 * Returns true when a key was taken from the hash.
 */
export function consumeKeyFromHash(): boolean {
  const hash = window.location.hash.replace(/^#/, "");
  if (!hash) return false;
  const params = new URLSearchParams(hash);
  const key = params.get(HASH_PARAM);
  if (!key) return false;
  params.delete(HASH_PARAM);
  const rest = params.toString();
  const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : "");
  window.history.replaceState(window.history.state, "", url);
  setApiKey(key, "session");
  return true;
}

export function basicAuthHeader(key: string): string {
  // Key as user name, empty password. Keys are ASCII, so btoa is safe here.
  return `Basic ${btoa(`${key}:`)}`;
}
