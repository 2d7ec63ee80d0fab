// Hrana values as they travel in JSON (HRANA_3_SPEC "Values"): integers as decimal strings,
// floats as numbers, blobs as base64 with or without padding.
import { Type, type Static } from "@sinclair/typebox";

export const NullValue = Type.Object({ type: Type.Literal("null") }, { $id: "NullValue" });
export type NullValue = Static<typeof NullValue>;

/** A signed 64-bit integer; `value` is a decimal string so no precision is lost. */
export const IntegerValue = Type.Object(
  { type: Type.Literal("integer"), value: Type.String({ pattern: "^-?[0-9]{1,20}$" }) },
  { $id: "IntegerValue" },
);
export type IntegerValue = Static<typeof IntegerValue>;

export const FloatValue = Type.Object(
  { type: Type.Literal("float"), value: Type.Number() },
  { $id: "FloatValue" },
);
export type FloatValue = Static<typeof FloatValue>;

export const TextValue = Type.Object(
  { type: Type.Literal("text"), value: Type.String() },
  { $id: "TextValue" },
);
export type TextValue = Static<typeof TextValue>;

/** Standard base64; padding is optional on input and omitted on output, as sqld does. */
export const BlobValue = Type.Object(
  { type: Type.Literal("blob"), base64: Type.String({ pattern: "^[A-Za-z0-9+/]*={0,2}$" }) },
  { $id: "BlobValue" },
);
export type BlobValue = Static<typeof BlobValue>;

export const Value = Type.Union([NullValue, IntegerValue, FloatValue, TextValue, BlobValue], {
  $id: "Value",
});
export type Value = Static<typeof Value>;
