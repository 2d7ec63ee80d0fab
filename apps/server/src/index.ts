// The Baton service, for programs that embed it (tests, the example worker).
export { ConfigError, parseStartArgs, type ServerConfig } from "./config.js";
export { startBaton, type RunningBaton } from "./start.js";
export { consoleLogger } from "./console-logger.js";
