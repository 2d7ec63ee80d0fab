// Test support: the RpcError a call throws, and its message (for asserting SurrealDB's wording).
import { RpcError } from "@baton/protocol-types/rpc";

/** The RpcError `run` throws; fails when it throws nothing or something else. */
export function rpcFailure(run: () => unknown): RpcError {
  try {
    run();
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error("expected an RpcError");
}

/** The message of the RpcError `run` throws. */
export function failureMessage(run: () => unknown): string {
  return rpcFailure(run).message;
}
