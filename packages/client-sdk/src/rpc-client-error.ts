// Errors a client call can end with: the server answered with an RPC error (RpcClientError), or
// the call never got an RPC answer (RpcConnectionError: closed socket, refused request, bad frame).
/** `details` of an RPC error as the server sent it: a kind tag and optional nested detail. */
export interface RpcClientErrorDetails {
  readonly kind: string;
  readonly details?: unknown;
}

/** The server answered the call with `{error}`; the fields are the error frame's. */
export class RpcClientError extends Error {
  override readonly name = "RpcClientError";
  readonly code: number;
  /** SurrealDB 3's error kind (`RpcErrorKind` of @baton/protocol-types/rpc), or another a newer server sends. */
  readonly kind: string;
  readonly details: RpcClientErrorDetails | undefined;

  constructor(options: { code: number; kind: string; message: string; details?: RpcClientErrorDetails | undefined }) {
    super(options.message);
    this.code = options.code;
    this.kind = options.kind;
    this.details = options.details;
  }
}

/**
 * The call got no RPC answer: the socket closed or failed, the HTTP request was refused with a
 * status other than 200 (`status` and the body's text in `body`), or the reply was not an RPC frame.
 */
export class RpcConnectionError extends Error {
  override readonly name = "RpcConnectionError";
  readonly status: number | undefined;
  readonly body: string | undefined;

  constructor(message: string, options: { status?: number; body?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.body = options.body;
  }
}
