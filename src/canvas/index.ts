// The canvas module's public surface: pages import from here only.
export { AnnotationCanvas, type AnnotationCanvasProps } from "./AnnotationCanvas";
export { EditableCanvas, type EditableCanvasProps } from "./edit/EditableCanvas";
export type { EditableTaskType, VectorAnnotation } from "./edit/types";
export { MaskUploadContext, maskIssues, saveSegmentation, type MaskSession, type UploadPng } from "./edit/mask";
export type { EditorValidation, ObjectIssue } from "./edit/validation";
export { sceneFromTask, imageUrlOfTask, type CanvasTask } from "./scene/fromTask";
export type {
  Scene,
  SceneObject,
  BoxObject,
  PointObject,
  LineObject,
  PolygonObject,
  CuboidObject,
  MaskSource,
  KindName,
  ObjectSource,
} from "./scene/types";
export type { FrameStats } from "./render/renderer";
export { labelPalette, CATEGORICAL_PALETTE, textColorOn, type LabelPalette } from "./style";
export { VIEW_COMMANDS, viewShortcutRows, type CanvasCommand, type CanvasCommandContext } from "./commands";
export { useFullscreen, type Fullscreen } from "./useFullscreen";
export { kindRegistry, KIND_ORDER } from "./kinds";
