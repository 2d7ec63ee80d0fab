// Record keys generated on write: `t:rand()` (20 characters, SurrealDB's default id form, made by
// the record store), `t:ulid()` and `t:uuid()` (a version 7 UUID).
import type { Uuid } from "@baton/codecs";
import { randomStringKey, uuidV7 } from "@baton/record-store";
import { ulidAt } from "../functions/ulid-text.js";

export function generateKey(generator: "rand" | "ulid" | "uuid"): string | Uuid {
  if (generator === "ulid") return ulidAt(Date.now());
  if (generator === "uuid") return uuidV7();
  return randomStringKey();
}
