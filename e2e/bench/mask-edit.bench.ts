import os from "node:os";
import { test } from "@playwright/test";
import { mergeResults } from "./results";

// Segmentation editing on a 3840x2160 task: a brush stroke (median and p95 frame while
// painting) and the undo of that stroke (one frame). Figures are printed and merged into
// bench-results.json at the repository root (other keys are kept); nothing is asserted.

test("mask editing: brush stroke and undo on 3840x2160", async ({ page }) => {
  page.on("pageerror", (e) => console.log("page error:", e.message));
  await page.goto("/e2e/bench/bench.html?scenario=mask");
  await page.waitForFunction(() => typeof window.maskBench === "object");
  const r = await page.evaluate(() => window.maskBench.run());

  const line = (name: string, value: unknown, budget = "") => console.log(`  ${name.padEnd(34)} ${String(value).padStart(10)} ${budget}`);
  console.log("\n=== segmentation editing (3840x2160) ===");
  line("brush stroke frames", r.stroke.frames);
  line("brush stroke median frame (ms)", r.stroke.medianMs, "(budget ≤ 16.7)");
  line("brush stroke p95 frame (ms)", r.stroke.p95Ms);
  line("stroke release (ms)", r.releaseMs);
  line("brush undo (ms)", r.undoMs, "(budget ≤ 50)");
  line("brush redo (ms)", r.redoMs);
  line("pixels painted", r.painted);
  line("pixels restored by undo", r.restored);
  line("history entries for the stroke", r.entries);
  console.log("\nRAW " + JSON.stringify(r));
  mergeResults({
    brush_stroke_median_ms: r.stroke.medianMs,
    brush_undo_ms: r.undoMs,
    mask_bench_load_avg_1m: Number(os.loadavg()[0].toFixed(2)),
  });
});
