// Stable colours: a task type or status always has the same colour, in every chart (the shared
// chart palette keeps types and statuses apart).
export { STATUS_COLOR, typeColor } from "../tasks";
