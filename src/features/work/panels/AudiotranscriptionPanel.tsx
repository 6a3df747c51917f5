import { useRef } from "react";
import type { AudiotranscriptionResponse } from "../../../schema";
import { AudioPlayer } from "./AudioPlayer";
import { emptyResponse } from "./empty";
import { paramsOf } from "./params";
import type { WorkPanelProps } from "./types";
import { GeneralIssues, TextField, useFocusIssue } from "./ui";
import css from "./panels.module.css";

/**
 * Audio transcription: the player, what the task asks (`verbatim`, the `phrases` to expect) and
 * the transcript. The answer is `{transcript, duration}` (the shape of our schema, which follows
 * the official clients); the duration is the audio's, once the browser has read it.
 */
export function AudiotranscriptionPanel({ task, response, onChange, issues, focusIssue, readOnly }: WorkPanelProps) {
  const root = useRef<HTMLDivElement>(null);
  useFocusIssue(root, focusIssue);
  const params = paramsOf(task, "audiotranscription");
  const current = (response ?? emptyResponse(task)) as AudiotranscriptionResponse;
  // The audio's length joins the answer with the next edit (opening a task changes nothing).
  const duration = useRef<number | undefined>(current.duration);
  if (!params) return <p role="alert">This task's params can't be read as an audio transcription task.</p>;
  return (
    <div ref={root} className={css.panel} data-testid="work-panel-audiotranscription">
      <AudioPlayer
        src={params.attachment}
        onDuration={(seconds) => {
          duration.current = Math.round(seconds * 100) / 100;
        }}
      />
      <div className={css.form}>
        {params.verbatim ? (
          <p className={css.notice} data-testid="verbatim">
            <strong>Verbatim:</strong> write every word as spoken, with fillers (um, uh), false starts and repetitions.
          </p>
        ) : (
          <p className={css.hint}>Clean transcript: leave out fillers and false starts.</p>
        )}
        {params.phrases.length > 0 ? (
          <div>
            <h3 className={css.sectionTitle}>Words and names to expect</h3>
            <ul className={css.chips} aria-label="Phrases">
              {params.phrases.map((p) => (
                <li key={p} className={css.chip}>
                  {p}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <GeneralIssues issues={issues} known={(i) => i.path[0] === "transcript"} />
        <TextField
          path={["transcript"]}
          label="Transcript"
          value={current.transcript ?? ""}
          multiline
          rows={12}
          onChange={(transcript) => onChange({ ...current, transcript, ...(duration.current !== undefined ? { duration: duration.current } : {}) })}
          issues={issues}
          readOnly={readOnly}
        />
      </div>
    </div>
  );
}
