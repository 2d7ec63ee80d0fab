// WebSocket subprotocol negotiation. Hrana: the best version the client offered, echoed
// exactly as the client spelled it; never one it did not offer. SurrealDB RPC (on `/rpc`): the
// format, `cbor` or `json`, JSON when none is offered (as SurrealDB 3 does).
import type { HranaVersion } from "@baton/hrana";
import type { RpcFormat } from "./rpc-formats.js";

export type Negotiation =
  | { readonly kind: "hrana"; readonly version: HranaVersion; readonly protocol: string | null }
  | { readonly kind: "rpc"; readonly format: RpcFormat; readonly protocol: string | null }
  | { readonly kind: "none" }
  | { readonly kind: "unsupported"; readonly offered: readonly string[] };

/** Ours, best first. `hrana3-protobuf` is not offered: the JSON encoding only, for now. */
const SUPPORTED: readonly [string, HranaVersion][] = [
  ["hrana3", 3],
  ["hrana2", 2],
  ["hrana1", 1],
];

function offeredIn(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Hrana's negotiation, for every WebSocket path but `/rpc`. */
export function negotiate(header: string | undefined): Negotiation {
  const offered = offeredIn(header);
  if (offered.length === 0) return { kind: "none" };
  for (const [name, version] of SUPPORTED) {
    const match = offered.find((p) => p.toLowerCase() === name);
    if (match !== undefined) return { kind: "hrana", version, protocol: match };
  }
  return { kind: "unsupported", offered };
}

/** Ours for SurrealDB RPC, best first. `flatbuffers` (SurrealDB's own value format) is not served. */
const RPC_SUPPORTED: readonly RpcFormat[] = ["cbor", "json"];

/** SurrealDB RPC's negotiation on `/rpc`: no subprotocol means JSON. */
export function negotiateRpc(header: string | undefined): Negotiation {
  const offered = offeredIn(header);
  if (offered.length === 0) return { kind: "rpc", format: "json", protocol: null };
  for (const format of RPC_SUPPORTED) {
    const match = offered.find((p) => p.toLowerCase() === format);
    if (match !== undefined) return { kind: "rpc", format, protocol: match };
  }
  return { kind: "unsupported", offered };
}
