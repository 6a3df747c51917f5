// The canvas module's public surface: pages import from here only.
export { AnnotationCanvas, type AnnotationCanvasProps } from "./AnnotationCanvas";
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
export { labelColor } from "./style";
export { kindRegistry, KIND_ORDER } from "./kinds";
