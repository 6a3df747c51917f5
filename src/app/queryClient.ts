// One QueryClient for the app. A 401 from any query or mutation sends the user to sign-in;
// client errors (4xx) aren't retried because asking again won't change the answer.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { errorStatus, markUnauthorized, describeError } from "../client";

function onError(error: unknown): void {
  if (errorStatus(error) === 401) markUnauthorized(describeError(error));
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const status = errorStatus(error);
          if (status !== undefined && status >= 400 && status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
