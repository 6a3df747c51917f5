import os from "node:os";
import { test } from "@playwright/test";
import { mergeResults } from "./results";

// Prints the canvas figures (see README in src/canvas for what they mean). The budgets from the
// issue are shown beside the figures; this spec does not fail on them, timings vary by machine.
// The view-mode figures go to bench-results.json under view_* keys (beside the editing ones).
test("canvas: 10,000 boxes + 2,000 polygons on 4000x3000, and a 3840x2160 mask", async ({ page }) => {
  page.on("pageerror", (e) => console.log("page error:", e.message));
  await page.goto("/e2e/bench/bench.html?scenario=view");
  await page.waitForFunction(() => typeof window.bench === "object");

  const ours = await page.evaluate(() => window.bench.ours());
  const naive = await page.evaluate(() => window.bench.naive());
  const mask = await page.evaluate(() => window.bench.mask());

  const line = (name: string, value: unknown, budget = "") => console.log(`  ${name.padEnd(34)} ${String(value).padStart(10)} ${budget}`);
  console.log("\n=== batched canvas (src/canvas) ===");
  line("objects", ours.objects);
  line("normalise task → scene (ms)", ours.normalizeMs);
  line("first full vector draw (ms)", ours.firstStaticDrawMs, "(budget < 500)");
  line("image shown (ms)", ours.imageShownMs);
  line("static layer full draws (ms)", ours.staticFullDrawMs.join(", "));
  line("pan+zoom median frame (ms)", ours.panZoom.medianMs, "(budget ≤ 16.7)");
  line("pan+zoom p95 frame (ms)", ours.panZoom.p95Ms);
  line("zoom median / pan median (ms)", `${ours.zoom.medianMs} / ${ours.pan.medianMs}`);
  line("redraw when gesture settles (ms)", ours.settleRedrawMs);
  line("hover highlight median (ms)", ours.hover.medianMs, "(budget ≤ 16.7, one frame)");
  line("hover highlight p95 (ms)", ours.hover.p95Ms);
  line("tooltip shown", ours.tooltipShown);
  console.log("\n=== naive (one react-konva node per object) ===");
  line("first draw (ms)", naive.firstDrawMs);
  line("pan+zoom median frame (ms)", naive.panZoom.medianMs);
  line("pan+zoom p95 frame (ms)", naive.panZoom.p95Ms);
  line("zoom median / pan median (ms)", `${naive.zoom.medianMs} / ${naive.pan.medianMs}`);
  console.log("\n=== ratio naive / batched ===");
  line("pan+zoom median", (naive.panZoom.medianMs / ours.panZoom.medianMs).toFixed(1) + "x");
  line("first draw", (naive.firstDrawMs / ours.firstStaticDrawMs).toFixed(1) + "x");
  console.log("\n=== mask ===");
  line("mask size", mask.mask);
  line("toggle median frame (ms)", mask.toggle.medianMs, "(budget ≤ 16.7, one frame)");
  line("toggle p95 frame (ms)", mask.toggle.p95Ms);
  line("vector redraws during toggles", mask.vectorRedrawsDuringToggles);
  line("tooltip at cursor", JSON.stringify(mask.tooltipAtCursor));
  console.log("\nRAW " + JSON.stringify({ ours, naive, mask }));
  mergeResults({
    view_bench_load_avg_1m: Number(os.loadavg()[0].toFixed(2)),
    view_first_static_draw_ms: ours.firstStaticDrawMs,
    view_pan_zoom_median_ms: ours.panZoom.medianMs,
    view_pan_zoom_p95_ms: ours.panZoom.p95Ms,
    view_settle_redraw_ms: ours.settleRedrawMs,
    view_hover_median_ms: ours.hover.medianMs,
    view_naive_pan_zoom_median_ms: naive.panZoom.medianMs,
    view_naive_first_draw_ms: naive.firstDrawMs,
    view_mask_toggle_median_ms: mask.toggle.medianMs,
  });
});
