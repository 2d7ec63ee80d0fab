// Log lines on stderr, one per event, prefixed with a timestamp.
import type { Logger } from "@baton/server-node";

export function consoleLogger(): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${level} ${message}\n`;
  return {
    info: (message) => process.stderr.write(line("info", message)),
    warn: (message) => process.stderr.write(line("warn", message)),
    error: (message, error) =>
      process.stderr.write(line("error", error === undefined ? message : `${message}: ${String(error instanceof Error ? (error.stack ?? error.message) : error)}`)),
  };
}
