// Public surface of the tasks feature. The small UI kit under ui/ (states, badges, formatting,
// page header) is shared with the other screens through here.
import { lazyRouteComponent } from "@tanstack/react-router";

// Pages load on first visit; the detail page brings the canvas with it.
export const TasksPage = lazyRouteComponent(() => import("./TasksPage"), "TasksPage");
export const TaskDetailPage = lazyRouteComponent(() => import("./detail/TaskDetailPage"), "TaskDetailPage");
export { TasksSearch, IsoDay, dayStart, dayEnd } from "./search";
export { TaskTable } from "./TaskTable";
export { Section } from "./detail/Section";
export { Instruction } from "./detail/Instruction";
// The work panels show a task's attachment exactly as the detail page does.
export { CanvasSlot, canvasImageOf } from "./detail/CanvasSlot";
export { AttachmentList } from "./detail/AttachmentPreview";
export { attachmentsOf, type AttachmentRef } from "./attachments";
export { AttachmentPreview } from "./detail/AttachmentPreview";
export { StatusBadge } from "./ui/StatusBadge";
export { Timestamp } from "./ui/Timestamp";
export { CopyButton } from "./ui/CopyButton";
export { PageHeader } from "./ui/PageHeader";
export { EmptyState, ErrorNotice, Loading, QueryState } from "./ui/states";
export { formatDateTime, formatDuration, formatNumber, plural } from "./ui/format";
export { addDays, daysBetween, resolveDayRange, shortDay, todayUtc, type DayRange } from "./ui/days";
export { ProjectSelect, TaskTypeSelect } from "./ui/FilterSelects";
export { NARROW_QUERY, useNarrowScreen } from "./ui/useNarrowScreen";
export { APPROVED_COLOR, categoryColor, REJECTED_COLOR, STATUS_COLOR, typeColor } from "./ui/chartPalette";
