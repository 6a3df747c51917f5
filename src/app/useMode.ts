import { modeOfKey, useAccount, useApiKey, type KeyMode } from "../client";

export interface SessionMode {
  mode: KeyMode;
  /** True when no key was entered and the server's own key is used. */
  serverKey: boolean;
}

/** The mode follows the key's prefix; with the server's key we ask /v1/account. */
export function useMode(): SessionMode {
  const { key } = useApiKey();
  const account = useAccount({ enabled: !key });
  if (key) return { mode: modeOfKey(key), serverKey: false };
  return { mode: account.data?.mode ?? "unknown", serverKey: true };
}
