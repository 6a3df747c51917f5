import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { clearUnauthorized, consumeKeyFromHash } from "../client";
import { createQueryClient } from "./queryClient";
import { createAppRouter } from "./router";

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));

  // A `#key=` link opened on the page already showing (only the hash changes, no reload)
  // must still sign in, and nothing cached under the previous key may remain.
  useEffect(() => {
    const onHashChange = () => {
      if (!consumeKeyFromHash()) return;
      queryClient.clear();
      clearUnauthorized();
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
