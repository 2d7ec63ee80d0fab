// What a decoded reply frame is: the answer to a call (a result or an error), a notification
// (a frame with no id, such as a live-query event), or something that is not an RPC frame.
import { RpcClientError, type RpcClientErrorDetails } from "./rpc-client-error.js";

export type RpcReply =
  | { readonly kind: "result"; readonly id: unknown; readonly value: unknown }
  | { readonly kind: "error"; readonly id: unknown; readonly error: RpcClientError }
  | { readonly kind: "notification"; readonly frame: Readonly<Record<string, unknown>> }
  | { readonly kind: "invalid"; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function errorOf(value: unknown): RpcClientError | string {
  if (!isRecord(value)) return "`error` is not an object";
  const { code, message, kind, details } = value;
  if (typeof code !== "number" || typeof message !== "string") return "`error` lacks a numeric `code` or a string `message`";
  const detailsOk = details === undefined || details === null || (isRecord(details) && typeof details.kind === "string");
  if (!detailsOk) return "`error.details` is not `{kind, details?}`";
  return new RpcClientError({
    code,
    message,
    // Servers older than SurrealDB 3 send no kind; "Internal" is what SurrealDB's own SDK assumes then.
    kind: typeof kind === "string" ? kind : "Internal",
    details: isRecord(details) ? (details as unknown as RpcClientErrorDetails) : undefined,
  });
}

/** Classifies a decoded frame. `withId` is false over HTTP, where replies carry no id. */
export function readReply(frame: unknown, options: { withId: boolean }): RpcReply {
  if (!isRecord(frame)) return { kind: "invalid", reason: "the frame is not a map" };
  const hasId = Object.hasOwn(frame, "id") && frame.id !== null && frame.id !== undefined;
  if (options.withId && !hasId) {
    // A frame for no call: a notification if it carries a result, else an error for no call
    // (e.g. the answer to an undecodable frame) or junk.
    if (Object.hasOwn(frame, "result")) return { kind: "notification", frame };
    if (Object.hasOwn(frame, "error")) {
      const error = errorOf(frame.error);
      return typeof error === "string" ? { kind: "invalid", reason: error } : { kind: "error", id: undefined, error };
    }
    return { kind: "invalid", reason: "the frame has no id, result or error" };
  }
  if (Object.hasOwn(frame, "error")) {
    const error = errorOf(frame.error);
    return typeof error === "string" ? { kind: "invalid", reason: error } : { kind: "error", id: frame.id, error };
  }
  if (Object.hasOwn(frame, "result")) return { kind: "result", id: frame.id, value: frame.result };
  return { kind: "invalid", reason: "the frame has neither `result` nor `error`" };
}
