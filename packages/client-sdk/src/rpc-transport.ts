// What RpcClient needs from a transport: send one request map, get its reply map back.
/** One request as it goes on the wire, before encoding. */
export interface RpcRequest {
  readonly method: string;
  readonly params?: readonly unknown[];
  readonly session?: unknown;
  readonly txn?: unknown;
}

export interface RpcTransport {
  readonly kind: "ws" | "http";
  /** Sends the request and resolves with the call's result; rejects with RpcClientError or RpcConnectionError. */
  call(request: RpcRequest): Promise<unknown>;
  close(): Promise<void>;
}

/** Things the client reports that belong to no call: unmatched frames, socket errors, notifications. */
export type RpcClientEvent =
  | { readonly kind: "notification"; readonly frame: Readonly<Record<string, unknown>> }
  | { readonly kind: "unmatched"; readonly frame: unknown; readonly reason: string }
  | { readonly kind: "socket-error"; readonly error: unknown };
