import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { clearApiKey, getApiKey, markUnauthorized, signOutMember } from "../client";

/** Ends the member's session on the server (or forgets the key), drops every cached answer, shows sign-in. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    const finish = () => {
      clearApiKey();
      queryClient.clear();
      // Empty reason: sign-in was asked for, not forced by a 401.
      markUnauthorized("");
    };
    if (getApiKey()) finish();
    else void signOutMember().catch(() => undefined).finally(finish);
  }, [queryClient]);
}
