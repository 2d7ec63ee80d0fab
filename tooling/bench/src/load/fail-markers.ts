// Whether a reply counts as failed: it contains one of its scenario's failure markers. Written
// once for the load, the probe and the handshake, so they judge replies alike.
import type { FailMarkers } from "../scenario.js";

/** A test of reply bytes (or the UTF-8 text autocannon hands over) against `markers`. */
export function failureTest(markers: FailMarkers): (reply: Buffer | string) => boolean {
  const texts: readonly string[] = typeof markers === "string" ? [markers] : markers;
  // Encoded once: the WebSocket load tests every reply.
  const bytes = texts.map((text) => Buffer.from(text, "utf8"));
  return (reply) =>
    typeof reply === "string" ? texts.some((text) => reply.includes(text)) : bytes.some((marker) => reply.includes(marker));
}
