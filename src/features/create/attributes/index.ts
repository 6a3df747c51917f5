// Public surface of the annotation_attributes editor.
export { AttributesEditor, type AttributesEditorProps } from "./AttributesEditor";
export { attributesProblem } from "./validate";
