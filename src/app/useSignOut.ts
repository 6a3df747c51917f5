import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { clearApiKey, markUnauthorized } from "../client";

/** Forgets the key and every cached answer fetched with it, then shows sign-in. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    clearApiKey();
    queryClient.clear();
    // Empty reason: sign-in was asked for, not forced by a 401.
    markUnauthorized("");
  }, [queryClient]);
}
