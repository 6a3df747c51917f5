// One breakpoint for the whole console: below it (phones, small tablets in portrait) the
// navigation becomes a menu, filter bars stack and the task table becomes a list of cards.
// CSS repeats the same width in its media queries (`max-width: 899.98px`).
import { useSyncExternalStore } from "react";

export const NARROW_QUERY = "(max-width: 899.98px)";

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

/** True while the viewport is narrower than the console's one breakpoint. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
