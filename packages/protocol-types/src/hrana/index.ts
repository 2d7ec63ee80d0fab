export * from "./common.js";
export * from "./error.js";
export * from "./value.js";
export * from "./stmt.js";
export * from "./result.js";
export * from "./stream-requests.js";
export * from "./http-bodies.js";
export * from "./ws-messages.js";
