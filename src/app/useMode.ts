import { modeOfKey, useApiKey, useMe, type KeyMode } from "../client";

export interface SessionMode {
  mode: KeyMode;
  /** Kept for callers that showed "server key"; members never see the server's key. */
  serverKey: boolean;
}

/** With a key the mode follows its prefix; a member's session carries the mode they chose. */
export function useMode(): SessionMode {
  const { key } = useApiKey();
  const me = useMe({ enabled: !key });
  if (key) return { mode: modeOfKey(key), serverKey: false };
  return { mode: me.data?.mode ?? "unknown", serverKey: false };
}
