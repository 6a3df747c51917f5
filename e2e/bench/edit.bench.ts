import os from "node:os";
import { test } from "@playwright/test";
import { mergeResults } from "./results";

// Vector editing with 12,000 objects on a 4000x3000 image: dragging a polygon vertex (median
// frame, and whether the static layer was redrawn during the drag), the frame that ends the
// drag, and drawing a new box (p95 frame). Printed and merged into bench-results.json (other
// keys kept). Timings aren't asserted; what is: the static layer stays untouched during the drag,
// and the commit's partial redraw paints what a full redraw paints (within blend rounding).

test("vector editing: vertex drag, its commit, and drawing a box among 12,000 objects", async ({ page }) => {
  page.on("pageerror", (e) => console.log("page error:", e.message));
  await page.goto("/e2e/bench/bench.html?scenario=edit");
  await page.waitForFunction(() => typeof window.editBench === "object");
  const drag = await page.evaluate(() => window.editBench.vertexDrag());
  const create = await page.evaluate(() => window.editBench.createBox());

  const line = (name: string, value: unknown, budget = "") => console.log(`  ${name.padEnd(40)} ${String(value).padStart(10)} ${budget}`);
  console.log("\n=== vector editing (10,000 boxes + 2,000 20-vertex polygons, 4000x3000) ===");
  line("vertex drag frames", drag.drag.frames);
  line("vertex drag median frame (ms)", drag.drag.medianMs, "(budget ≤ 16.7)");
  line("vertex drag p95 frame (ms)", drag.drag.p95Ms);
  line("static layer redraws during the drag", drag.staticRedrawsDuringDrag, "(must be 0)");
  line("drag commit, until static redrawn (ms)", drag.commitMs, "(budget ≤ 50)");
  line("commit frame", drag.commitFrames.join(" | "));
  line("partial vs full redraw: pixels off by", `${drag.partialVsFull.roundedPixels} px ≤ ${drag.partialVsFull.maxDelta}`, "(rounding; must be ≤ 32 levels)");
  line("plain static redraw, same scene (ms)", drag.plainStaticRedrawMs);
  line("create box frames", create.create.frames);
  line("create box median frame (ms)", create.create.medianMs);
  line("create box p95 frame (ms)", create.create.p95Ms, "(budget ≤ 33)");
  line("create box commit (ms)", create.commitMs);
  console.log("\nRAW " + JSON.stringify({ drag, create }));
  mergeResults({
    edit_full_static_redraw_ms: drag.plainStaticRedrawMs,
    edit_bench_load_avg_1m: Number(os.loadavg()[0].toFixed(2)),
    edit_vertex_drag_median_ms: drag.drag.medianMs,
    edit_commit_ms: drag.commitMs,
    create_box_p95_ms: create.create.p95Ms,
  });
  // The commit must not redraw the whole static layer (a mode, not a timing: it doesn't vary).
  if (!drag.commitFrames.some((f) => f.includes("static partial"))) throw new Error(`the commit did not redraw the static layer partially: ${drag.commitFrames.join(" | ")}`);
  if (drag.partialVsFull.wrongPixels !== 0) {
    throw new Error(`the partial redraw after the commit differs from a full redraw at ${drag.partialVsFull.wrongPixels} pixels (max ${drag.partialVsFull.maxDelta} levels)`);
  }
  if (drag.staticRedrawsDuringDrag !== 0) throw new Error(`the static layer was redrawn ${drag.staticRedrawsDuringDrag} times during the vertex drag`);
});
