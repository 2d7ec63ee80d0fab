// Tenant namespace names: the one check every adapter applies before a name reaches a file
// path, a schema name or a URL.
import { GatewayError } from "@baton/protocol-types";

/** 1–63 ASCII letters, digits, `_` and `-`, starting with a letter or digit. */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

const MAX_LENGTH = 63;

/** Returns `name` if it is a valid namespace, else throws NAMESPACE_INVALID saying why. */
export function validateNamespace(name: string): string {
  if (NAMESPACE_PATTERN.test(name)) return name;
  throw new GatewayError("NAMESPACE_INVALID", `Invalid namespace ${JSON.stringify(name)}: ${problemWith(name)}`);
}

function problemWith(name: string): string {
  if (name.length === 0) return "it is empty";
  if (name.length > MAX_LENGTH) return `it is ${name.length} characters long (at most ${MAX_LENGTH})`;
  const bad = [...name].find((char) => !/[A-Za-z0-9_-]/.test(char));
  if (bad !== undefined) {
    const shown = /^[\x21-\x7e]$/.test(bad) ? `"${bad}"` : `U+${bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`;
    return `it contains ${shown}; only ASCII letters, digits, "_" and "-" are allowed`;
  }
  return "it must start with a letter or digit";
}
