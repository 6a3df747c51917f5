// The task page's readable views, reused as they are so a task reads the same on both screens.
// They aren't on src/features/tasks' public surface (index.ts) yet, and that folder isn't this
// feature's to edit: these three deep imports are the one place to point at the index once it
// exports them.
export { CanvasSlot } from "../tasks/detail/CanvasSlot";
export { ParamsView } from "../tasks/detail/ParamsView";
export { ResponseView } from "../tasks/detail/ResponseView";
