// The wire format of the Scale API v1, once, in zod. Server validation, the typed client, forms,
// fixtures and docs all derive from these schemas.
export * from "./form";
export * from "./common";
export * from "./geometry";
export * from "./attributes";
export * from "./vertices";
export * from "./annotation";
export * from "./pointannotation";
export * from "./lineannotation";
export * from "./cuboidannotation";
export * from "./polygonannotation";
export * from "./segmentannotation";
export * from "./categorization";
export * from "./comparison";
export * from "./transcription";
export * from "./audiotranscription";
export * from "./datacollection";
export * from "./registry";
export * from "./time";
export * from "./task";
export * from "./list";
export * from "./project";
export * from "./error";
export * from "./account";
export * from "./lifecycle";
export * from "./members";
