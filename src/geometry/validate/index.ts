// Response rules shared by the server's validator and the canvas editor (one copy, no server imports).
export * from "./issues";
export * from "./labels";
export * from "./vector";
export * from "./response";
