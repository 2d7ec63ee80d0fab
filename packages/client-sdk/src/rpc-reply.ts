// What a decoded reply frame is, checked against @baton/protocol-types' schemas: the answer to a
// call (a result or an error), a live notification (no id), or something that is not an RPC frame.
import { validatorFor } from "@baton/protocol-types";
import { RpcErrorResponse, RpcLiveNotification, RpcSuccessResponse } from "@baton/protocol-types/rpc";
import { RpcClientError } from "./rpc-client-error.js";

export type RpcReply =
  | { readonly kind: "result"; readonly id: unknown; readonly value: unknown }
  | { readonly kind: "error"; readonly id: unknown; readonly error: RpcClientError }
  | { readonly kind: "notification"; readonly frame: RpcLiveNotification }
  | { readonly kind: "invalid"; readonly reason: string };

const errorResponse = validatorFor(RpcErrorResponse);
const successResponse = validatorFor(RpcSuccessResponse);
const notification = validatorFor(RpcLiveNotification);

function hasId(frame: { id?: unknown }): boolean {
  return frame.id !== undefined && frame.id !== null;
}

/** Classifies a decoded frame. `withId` is false over HTTP, where replies carry no id. */
export function readReply(frame: unknown, options: { withId: boolean }): RpcReply {
  if (errorResponse.check(frame)) {
    const { code, message, kind, details } = frame.error;
    return { kind: "error", id: frame.id, error: new RpcClientError({ code, message, kind, details }) };
  }
  if (options.withId && notification.check(frame)) return { kind: "notification", frame };
  if (successResponse.check(frame) && (hasId(frame) || !options.withId)) return { kind: "result", id: frame.id, value: frame.result };
  const explained = successResponse.check(frame) ? "a result with no id" : errorResponse.explain(frame);
  return { kind: "invalid", reason: `not an RPC reply: ${explained}` };
}
