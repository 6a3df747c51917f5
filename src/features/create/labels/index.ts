// Public surface of the label tree editor (objects_to_annotate, labels, categories, attribute choices).
export { LabelTreeEditor, type LabelTreeEditorProps } from "./LabelTreeEditor";
export { labelListProblem, labelFieldSchema } from "./validate";
export { parseLabelList, fromWire, toWire, type LabelNode } from "./tree";
