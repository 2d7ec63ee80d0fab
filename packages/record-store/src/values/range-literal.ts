// Ranges as SurrealQL literal text (`1..=5`, `'a'..`), the record model's stored form.
import type { Range } from "@baton/codecs";
import { RpcError } from "@baton/protocol-types/rpc";

export function formatRangeLiteral(value: Range): string {
  throw RpcError.validation(`Ranges are not supported yet (${value.begin.kind}..${value.end.kind})`);
}

export function parseRangeLiteral(text: string): Range | undefined {
  return text === "" ? undefined : undefined;
}
