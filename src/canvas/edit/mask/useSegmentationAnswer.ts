import { useCallback, useEffect, useState } from "react";
import type { EditableTaskType } from "../types";
import { decodeSegmentationAnswer, fetchThroughConsole, type DecodedAnswer, type FetchBytes } from "./decode";

/**
 * Where the answer a segmentation editor opens with stands: none given, being fetched and
 * decoded, ready (its raster seeds the session), or unreadable (the reason; editing waits until
 * the user chooses to start from an empty mask, so a broken link never turns into a saved blank).
 */
export type AnswerLoad =
  | { status: "none" }
  | { status: "loading" }
  | { status: "loaded"; answer: DecodedAnswer }
  | { status: "error"; message: string };

export interface SegmentationAnswer {
  load: AnswerLoad;
  /** After an error: edit from an empty mask instead. */
  startEmpty(): void;
}

/**
 * Decodes the response an editor was opened with (once: like the vector document, the editor
 * reads `response` when it mounts). Only segmentation responses are decoded; other task types
 * have `{status: "none"}`.
 */
export function useSegmentationAnswer(taskType: EditableTaskType, response: unknown, fetchBytes: FetchBytes = fetchThroughConsole): SegmentationAnswer {
  const wanted = taskType === "segmentannotation" && response !== undefined && response !== null;
  const [load, setLoad] = useState<AnswerLoad>(() => (wanted ? { status: "loading" } : { status: "none" }));
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    decodeSegmentationAnswer(response, fetchBytes).then(
      (answer) => live && setLoad({ status: "loaded", answer }),
      (e: unknown) => live && setLoad({ status: "error", message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [wanted, response, fetchBytes]);
  const startEmpty = useCallback(() => setLoad({ status: "none" }), []);
  return { load, startEmpty };
}
