// Log lines on stderr, one per event, prefixed with a timestamp.
import type { Logger } from "@baton/server-node";

export function consoleLogger(): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} ${message}\n`;
  return {
    info: (message) => process.stderr.write(line("info", message)),
    warn: (message) => process.stderr.write(line("warn", message)),
    error: (message, error) => process.stderr.write(line("error", error === undefined ? message : `${message}: ${describe(error)}`)),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}
