// Array and object record keys as SurrealQL literal text (`['London', d'2022-08-29T08:03:39Z']`,
// object keys sorted): how the record model stores them in `id` and in links.
import { RpcError } from "@baton/protocol-types/rpc";

/** The SurrealQL literal of an array or object key. */
export function formatKeyLiteral(key: unknown): string {
  throw RpcError.validation(`Array and object record keys are not supported yet (${typeof key})`);
}

/** Parses an array or object key literal. */
export function parseKeyLiteral(text: string): readonly unknown[] | { readonly [key: string]: unknown } {
  throw new RangeError(`Not a record key literal: ${text}`);
}
