import type { EditableTaskType, ToolDefinition } from "../types";
import { segmentationPlugin } from "../plugins";
import { boxTool } from "./box";
import { cuboidTool } from "./cuboid";
import { pointTool } from "./point";
import { lineTool, polygonTool } from "./polyline";
import { selectTool } from "./select";

/** The tools each task type offers, in toolbar order: select first, then the kind's create tool. */
export function toolsFor(taskType: EditableTaskType): readonly ToolDefinition[] {
  switch (taskType) {
    case "annotation":
      return [selectTool, boxTool];
    case "pointannotation":
      return [selectTool, pointTool];
    case "lineannotation":
      return [selectTool, lineTool];
    case "polygonannotation":
      return [selectTool, polygonTool];
    case "cuboidannotation":
      return [selectTool, cuboidTool];
    case "segmentannotation":
      return segmentationPlugin?.tools ?? [];
  }
}

export { boxTool, cuboidTool, lineTool, pointTool, polygonTool, selectTool };
