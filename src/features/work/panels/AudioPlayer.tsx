// The audio attachment with what transcribing needs: speed, 5-second skips, and keys that work
// both outside and inside the transcript (where plain arrows and Space are typing).
// The keys are the registry's (AUDIO_COMMANDS, mode "work:audio").
import { useEffect, useRef, useState } from "react";
import { commandForKey, formatBinding, keyCapOf } from "../../../commands";
import { AUDIO_COMMANDS, audioKeyOf, SKIP_SECONDS, type AudioCommandContext } from "./commands";
import css from "./panels.module.css";
import { isTyping } from "./ui";

export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
export { SKIP_SECONDS };

interface AudioPlayerProps {
  src: string;
  /** The audio's length in seconds, once the browser knows it. */
  onDuration?(seconds: number): void;
}

/** Space on a button or the audio's own controls is theirs (press the button, play natively). */
function onControl(e: KeyboardEvent): boolean {
  const t = e.target;
  return t instanceof HTMLButtonElement || t instanceof HTMLAudioElement || t instanceof HTMLSelectElement;
}

export function AudioPlayer({ src, onDuration }: AudioPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);
  const onDurationRef = useRef(onDuration);
  onDurationRef.current = onDuration;

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed;
  }, [speed]);

  useEffect(() => {
    const skip = (s: number) => {
      const a = audio.current;
      if (a) a.currentTime = Math.max(0, Math.min(Number.isFinite(a.duration) ? a.duration : Infinity, a.currentTime + s));
    };
    const toggle = () => {
      const a = audio.current;
      if (!a) return;
      if (a.paused) void a.play().catch(() => {});
      else a.pause();
    };
    const faster = (d: number) =>
      setSpeed((s) => SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, SPEEDS.indexOf(s as (typeof SPEEDS)[number]) + d))]);
    const context: AudioCommandContext = { playPause: toggle, skip, speed: faster };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
      // Alt+… works everywhere (in the transcript too); the plain keys only outside text fields.
      if (isTyping(e) && !e.altKey) return;
      const command = commandForKey(AUDIO_COMMANDS, audioKeyOf(e));
      if (!command) return;
      // Space on a button, the select or the audio's own controls is theirs.
      if (command.id === "playPause" && !e.altKey && onControl(e)) return;
      e.preventDefault();
      command.run(context);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className={css.player} data-testid="audio-player">
      {failed ? (
        <p className={css.notice} role="alert">
          The audio could not be loaded from its URL: <span className="mono">{src}</span>
        </p>
      ) : null}
      <audio
        ref={audio}
        src={src}
        controls
        preload="metadata"
        aria-label="Task audio"
        onError={() => setFailed(true)}
        onLoadedMetadata={(e) => {
          const d = e.currentTarget.duration;
          if (Number.isFinite(d)) onDurationRef.current?.(d);
          e.currentTarget.playbackRate = speed;
        }}
      />
      <div className={css.controls}>
        <button type="button" className="btn btn-sm" onClick={() => audio.current && (audio.current.currentTime = Math.max(0, audio.current.currentTime - SKIP_SECONDS))} aria-label={`Back ${SKIP_SECONDS} seconds`}>
          − {SKIP_SECONDS} s
        </button>
        <button type="button" className="btn btn-sm" onClick={() => audio.current && (audio.current.currentTime += SKIP_SECONDS)} aria-label={`Ahead ${SKIP_SECONDS} seconds`}>
          + {SKIP_SECONDS} s
        </button>
        <label className={css.status}>
          Speed{" "}
          <select className="field" value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Playback speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className={css.hint}>
        {AUDIO_COMMANDS.map((c, i) => (
          <span key={c.id}>
            {i > 0 ? " · " : null}
            <kbd className={css.key}>{keyCapOf(c)}</kbd> {c.label.toLowerCase()}
          </span>
        ))}
        . While typing the transcript:{" "}
        {AUDIO_COMMANDS.map((c, i) => (
          <span key={c.id}>
            {i > 0 ? ", " : null}
            <kbd className={css.key}>{formatBinding(c.keys[1])}</kbd>
          </span>
        ))}
      </p>
    </div>
  );
}
