// Small scalar schemas shared by Hrana messages.
import { Type } from "@sinclair/typebox";

/** Ids chosen by the client (stream, cursor, SQL text, request): int32. */
export const Int32 = Type.Integer({ minimum: -2147483648, maximum: 2147483647 });
export const Uint32 = Type.Integer({ minimum: 0, maximum: 4294967295 });
export const OptionalNullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));
