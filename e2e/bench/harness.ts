// The browser side of the benchmarks, shared by every scenario (view, edit, mask). Frame cost =
// the input handler (plus the microtasks it queues, e.g. React renders) + the work of the next
// frame, from its rAF timestamp to a message posted after it, which runs once the frame's
// rendering steps are done. Idle time waiting for vsync is not counted.

export interface Sample {
  handlerMs: number;
  frameMs: number;
  totalMs: number;
}

export function nextFrameWork(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame((ts) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now() - ts);
      ch.port2.postMessage(0);
    }),
  );
}

export async function measure(input: () => void): Promise<Sample> {
  const t0 = performance.now();
  input();
  await Promise.resolve();
  await Promise.resolve();
  const handlerMs = performance.now() - t0;
  const frameMs = await nextFrameWork();
  return { handlerMs, frameMs, totalMs: handlerMs + frameMs };
}

export function summary(samples: Sample[]) {
  const pick = (k: keyof Sample, q: number) => {
    const v = samples.map((s) => s[k]).sort((a, b) => a - b);
    return Number(v[Math.min(v.length - 1, Math.floor(q * v.length))].toFixed(2));
  };
  return {
    frames: samples.length,
    medianMs: pick("totalMs", 0.5),
    p95Ms: pick("totalMs", 0.95),
    medianHandlerMs: pick("handlerMs", 0.5),
    medianFrameWorkMs: pick("frameMs", 0.5),
  };
}

export function waitFor(cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (cond()) resolve();
      else if (performance.now() - start > timeoutMs) reject(new Error("timed out"));
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

declare global {
  interface Window {
    /** A profiling script may hook a scenario's phases (e.g. to trace just a commit or an undo). */
    benchHook?: (phase: string) => Promise<void>;
  }
}
