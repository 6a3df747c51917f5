// The code tabs and the batch panel under the form (built by the other issue-9 engineers).
import type { TaskType } from "../../schema";
import type { Body } from "./form/body";
import { BatchPanel } from "./batch";

// TODO(createwidgets): CodeTabs (./code) mounts here when it lands.
export function ExtraPanels({ type, body }: { type: TaskType; body: Body }) {
  return <BatchPanel taskType={type} defaults={body} />;
}
