// Keeps my lease on the task while the page is open: renewed every 15 s (a lease lasts five
// minutes), so a task finished elsewhere is reported within seconds; also at once when the tab
// becomes visible or the network returns. A 409 means the task was finished
// elsewhere or someone else holds it: the page is told at once. Unreachable server: keep trying.
import { useEffect, useRef, useState } from "react";
import type { WorkConflict, WorkLease } from "../../schema/work";
import { WorkError, workApi } from "./api";

const RENEW_MS = 15_000;

export interface LeaseState {
  lease: WorkLease | null;
  /** The last renewal failed to reach the server (we keep trying). */
  unreachable: boolean;
}

export function useLease(taskId: string, initial: WorkLease | null, active: boolean, onGone: (c: WorkConflict) => void): LeaseState {
  const [state, setState] = useState<LeaseState>({ lease: initial, unreachable: false });
  const gone = useRef(onGone);
  gone.current = onGone;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const renew = async () => {
      try {
        const lease = await workApi.renew(taskId);
        if (!stopped) setState({ lease, unreachable: false });
      } catch (error) {
        if (stopped) return;
        if (error instanceof WorkError && error.conflict) {
          stopped = true;
          gone.current(error.conflict);
        } else setState((s) => ({ ...s, unreachable: true }));
      }
    };
    // Opened without a lease of mine (a link, a reload after it ran out): take it now.
    if (!initial?.mine) void renew();
    const timer = setInterval(() => void renew(), RENEW_MS);
    const onVisible = () => document.visibilityState === "visible" && void renew();
    const onOnline = () => void renew();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
    };
    // `initial` is the first answer only; renewals replace it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [taskId, active]);
  return state;
}
