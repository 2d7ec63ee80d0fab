// The Hrana error object; `code` is machine-readable (codes are listed in session-core's error table).
import { Type, type Static } from "@sinclair/typebox";

export const HranaError = Type.Object(
  { message: Type.String(), code: Type.Optional(Type.Union([Type.String(), Type.Null()])) },
  { $id: "HranaError" },
);
export type HranaError = Static<typeof HranaError>;
