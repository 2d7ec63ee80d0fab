// WebSocket subprotocol negotiation for Hrana: the best version the client offered, echoed
// exactly as the client spelled it; never one it did not offer.
import type { HranaVersion } from "@baton/hrana";

export type Negotiation =
  | { readonly kind: "hrana"; readonly version: HranaVersion; readonly protocol: string | null }
  | { readonly kind: "none" }
  | { readonly kind: "unsupported"; readonly offered: readonly string[] };

/** Ours, best first. `hrana3-protobuf` is not offered: the JSON encoding only, for now. */
const SUPPORTED: readonly [string, HranaVersion][] = [
  ["hrana3", 3],
  ["hrana2", 2],
  ["hrana1", 1],
];

export function negotiate(header: string | undefined): Negotiation {
  const offered = (header ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (offered.length === 0) return { kind: "none" };
  for (const [name, version] of SUPPORTED) {
    const match = offered.find((p) => p.toLowerCase() === name);
    if (match !== undefined) return { kind: "hrana", version, protocol: match };
  }
  return { kind: "unsupported", offered };
}
