// RPC over one WebSocket: the format is the subprotocol, requests are matched to replies by id.
import type { Codec } from "@baton/codecs";
import WebSocket from "ws";
import { IdAllocator } from "./id-allocator.js";
import { RpcConnectionError, type RpcClientError } from "./rpc-client-error.js";
import { readReply } from "./rpc-reply.js";
import type { RpcClientEvent, RpcRequest, RpcTransport } from "./rpc-transport.js";

interface Pending {
  resolve(value: unknown): void;
  reject(error: RpcClientError | RpcConnectionError): void;
}

export class WsRpcTransport implements RpcTransport {
  readonly kind = "ws";
  readonly #socket: WebSocket;
  readonly #codec: Codec;
  readonly #ids = new IdAllocator();
  readonly #pending = new Map<number, Pending>();
  readonly #onEvent: (event: RpcClientEvent) => void;
  #closedWith: RpcConnectionError | undefined;
  /** Resolves with the close code and reason once the socket has closed. */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(options: { socket: WebSocket; codec: Codec; onEvent: (event: RpcClientEvent) => void }) {
    this.#socket = options.socket;
    this.#codec = options.codec;
    this.#onEvent = options.onEvent;
    this.#socket.binaryType = "nodebuffer";
    this.#socket.on("message", (data, isBinary) => this.#onFrame(data as Buffer, isBinary));
    this.#socket.on("error", (error) => this.#onEvent({ kind: "socket-error", error }));
    this.closed = new Promise((resolve) => {
      this.#socket.once("close", (code, reason) => {
        const text = reason.toString("utf8");
        this.#failAll(new RpcConnectionError(`The WebSocket closed (${code}${text === "" ? "" : ` ${text}`})`));
        resolve({ code, reason: text });
      });
    });
  }

  /** Opens the socket, offering the codec's name as the only subprotocol. */
  static open(options: {
    url: string;
    codec: Codec;
    headers: Readonly<Record<string, string>>;
    onEvent: (event: RpcClientEvent) => void;
  }): Promise<WsRpcTransport> {
    const socket = new WebSocket(options.url, options.codec.name, { headers: { ...options.headers }, perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      const onUnexpected = (_req: unknown, res: { statusCode?: number; on(e: string, f: (c: Buffer) => void): void }) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          reject(new RpcConnectionError(`The WebSocket upgrade was refused with ${status}: ${body}`, { status, body }));
        });
      };
      socket.once("unexpected-response", onUnexpected);
      socket.once("error", (error) => reject(new RpcConnectionError(`The WebSocket failed to open: ${error.message}`, { cause: error })));
      socket.once("open", () => {
        if (socket.protocol !== options.codec.name) {
          socket.close();
          reject(new RpcConnectionError(`The server chose subprotocol ${JSON.stringify(socket.protocol)}, not ${options.codec.name}`));
          return;
        }
        socket.removeAllListeners("error");
        resolve(new WsRpcTransport({ socket, codec: options.codec, onEvent: options.onEvent }));
      });
    });
  }

  call(request: RpcRequest): Promise<unknown> {
    if (this.#closedWith !== undefined) return Promise.reject(this.#closedWith);
    const id = this.#ids.alloc();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.sendRaw(this.#codec.encode({ ...request, id }));
      } catch (error) {
        this.#settle(id);
        reject(error instanceof RpcConnectionError ? error : new RpcConnectionError("Cannot encode the request", { cause: error }));
      }
    });
  }

  /** Sends bytes as they are, in the codec's frame kind (binary for CBOR, text for JSON). */
  sendRaw(data: Uint8Array | string): void {
    if (this.#socket.readyState !== WebSocket.OPEN) throw this.#closedWith ?? new RpcConnectionError("The WebSocket is not open");
    const binary = typeof data !== "string" && this.#codec.binary;
    this.#socket.send(typeof data === "string" || binary ? data : Buffer.from(data).toString("utf8"), { binary });
  }

  async close(): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return;
    this.#socket.close(1000, "Client closed");
    await this.closed;
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    this.#ids.free(id);
    return pending;
  }

  #onFrame(data: Buffer, isBinary: boolean): void {
    let frame: unknown;
    try {
      frame = this.#codec.decode(isBinary ? data : data.toString("utf8"));
    } catch (error) {
      this.#onEvent({ kind: "socket-error", error });
      return;
    }
    const reply = readReply(frame, { withId: true });
    if (reply.kind === "notification") {
      this.#onEvent({ kind: "notification", frame: reply.frame });
      return;
    }
    if (reply.kind === "invalid") {
      this.#onEvent({ kind: "unmatched", frame, reason: reply.reason });
      return;
    }
    const pending = typeof reply.id === "number" && this.#pending.has(reply.id) ? this.#settle(reply.id) : undefined;
    if (pending === undefined) {
      this.#onEvent({ kind: "unmatched", frame, reason: `no pending call has id ${String(reply.id)}` });
      return;
    }
    if (reply.kind === "result") pending.resolve(reply.value);
    else pending.reject(reply.error);
  }

  #failAll(error: RpcConnectionError): void {
    this.#closedWith = error;
    for (const id of [...this.#pending.keys()]) this.#settle(id)?.reject(error);
  }
}
