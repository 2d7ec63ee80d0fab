// Prefixed string literals: `s"…"` text, `d"…"` Datetime, `u"…"` Uuid, `r"t:k"` RecordId and
// `b"0a1b"` bytes, built with the value classes of @baton/codecs.
import { Datetime, parseRecordId, Uuid } from "@baton/codecs";

export type LiteralPrefix = "s" | "d" | "u" | "r" | "b";

export const isLiteralPrefix = (c: string | undefined): c is LiteralPrefix =>
  c === "s" || c === "d" || c === "u" || c === "r" || c === "b";

const DATE_ONLY = /^[+-]?\d{4,}-\d{2}-\d{2}$/;
const HEX_BYTES = /^(?:[0-9a-fA-F]{2})*$/;

/** The value of a prefixed literal's content. Throws RangeError (with SurrealDB-like wording) when the content is not one. */
export function prefixedValue(prefix: LiteralPrefix, content: string): unknown {
  switch (prefix) {
    case "s":
      return content;
    case "d":
      // SurrealDB reads a bare date as midnight UTC.
      return Datetime.parse(DATE_ONLY.test(content) ? `${content}T00:00:00Z` : content);
    case "u":
      return Uuid.parse(content);
    case "r":
      return parseRecordId(content);
    case "b":
      if (!HEX_BYTES.test(content)) throw new RangeError("Invalid bytes: expected an even number of hexadecimal digits");
      return Uint8Array.from(Buffer.from(content, "hex"));
  }
}

/** What a prefix stands for, in error messages. */
export const PREFIX_NAMES: Readonly<Record<LiteralPrefix, string>> = {
  s: "string",
  d: "datetime",
  u: "UUID",
  r: "record id",
  b: "bytes",
};
