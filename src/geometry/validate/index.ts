// Response rules shared by the server's validator, the canvas editor and the workbench (one copy, no server imports).
export * from "./issues";
export * from "./labels";
export * from "./vector";
export * from "./response";
export * from "./fields";
export * from "./segmentation";
export * from "./task";
