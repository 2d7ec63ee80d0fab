// A SurrealDB RPC client for Baton (and any SurrealDB 3 server): `ws://` or `http://` URLs, CBOR
// or JSON, calls answered with their result or an RpcClientError built from the error frame.
import { HttpRpcTransport } from "./http-rpc-transport.js";
import { RpcConnectionError } from "./rpc-client-error.js";
import { codecFor, type RpcFormat } from "./rpc-format.js";
import type { RpcClientEvent, RpcRequest, RpcTransport } from "./rpc-transport.js";
import { WsRpcTransport } from "./ws-rpc-transport.js";

export interface RpcClientOptions {
  /** The encoding: the WebSocket subprotocol, or the HTTP Content-Type and Accept (default "cbor"). */
  readonly format?: RpcFormat;
  /** Extra headers: on the WebSocket upgrade, or on every HTTP request (e.g. Surreal-NS, Authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Frames that answer no call (notifications, frames with unknown ids, undecodable frames) and
   * socket errors. Without a listener they are written to the console as warnings.
   */
  readonly onEvent?: (event: RpcClientEvent) => void;
}

/** Per-call envelope fields: the attached session and the interactive transaction to run in. */
export interface CallOptions {
  readonly session?: unknown;
  readonly txn?: unknown;
}

function reportToConsole(event: RpcClientEvent): void {
  if (event.kind === "notification") return;
  console.warn(`@baton/client-sdk: ${event.kind === "unmatched" ? `unmatched frame (${event.reason})` : "socket error"}`, event);
}

/** `/rpc` appended unless the path already ends in it (as SurrealDB's SDKs do). */
function rpcUrl(url: URL): string {
  const out = new URL(url);
  if (!out.pathname.endsWith("/rpc")) out.pathname = `${out.pathname.replace(/\/$/, "")}/rpc`;
  return out.toString();
}

export class RpcClient {
  readonly format: RpcFormat;
  readonly #transport: RpcTransport;

  private constructor(transport: RpcTransport, format: RpcFormat) {
    this.#transport = transport;
    this.format = format;
  }

  /** Connects to `ws://…` / `wss://…` (one socket) or `http://…` / `https://…` (POST per call). */
  static async connect(url: string | URL, options: RpcClientOptions = {}): Promise<RpcClient> {
    const parsed = new URL(url);
    const format = options.format ?? "cbor";
    const codec = codecFor(format);
    const headers = options.headers ?? {};
    const onEvent = options.onEvent ?? reportToConsole;
    const target = rpcUrl(parsed);
    switch (parsed.protocol) {
      case "ws:":
      case "wss:":
        return new RpcClient(await WsRpcTransport.open({ url: target, codec, headers, onEvent }), format);
      case "http:":
      case "https:":
        return new RpcClient(new HttpRpcTransport({ url: target, codec, headers }), format);
      default:
        throw new RpcConnectionError(`Unsupported URL scheme ${parsed.protocol} (use ws, wss, http or https)`);
    }
  }

  /** "ws" or "http". */
  get transport(): "ws" | "http" {
    return this.#transport.kind;
  }

  /**
   * Calls `method`; resolves with its result as decoded, rejects with RpcClientError (the server's
   * answer) or RpcConnectionError.
   */
  call(method: string, params?: readonly unknown[], options?: CallOptions): Promise<unknown>;
  /**
   * As above, with the result typed `T` UNCHECKED: nothing verifies the server's answer has that
   * shape, `T` is the caller's own claim (tests that know what the server answers). To check it,
   * call without `T` and narrow the `unknown` result.
   */
  call<T>(method: string, params?: readonly unknown[], options?: CallOptions): Promise<T>;
  call(method: string, params?: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    const request: RpcRequest = {
      method,
      ...(params === undefined ? {} : { params }),
      ...(options.session === undefined ? {} : { session: options.session }),
      ...(options.txn === undefined ? {} : { txn: options.txn }),
    };
    return this.#transport.call(request);
  }

  /**
   * Sends bytes the client did not encode (to test a server's handling of bad input). Over
   * WebSocket the frame goes out as it is and any answer arrives as an event; over HTTP it is
   * posted and the decoded reply returned. Not for applications.
   */
  async sendRaw(data: Uint8Array | string, headers: Readonly<Record<string, string>> = {}): Promise<unknown> {
    if (this.#transport instanceof WsRpcTransport) {
      this.#transport.sendRaw(data);
      return undefined;
    }
    if (this.#transport instanceof HttpRpcTransport) return this.#transport.post(data, headers);
    throw new RpcConnectionError("This transport cannot send raw bytes");
  }

  /** WebSocket only: resolves with the close code and reason when the socket closes. */
  get closed(): Promise<{ code: number; reason: string }> | undefined {
    return this.#transport instanceof WsRpcTransport ? this.#transport.closed : undefined;
  }

  /** Closes the connection; pending calls reject with RpcConnectionError. */
  close(): Promise<void> {
    return this.#transport.close();
  }
}
