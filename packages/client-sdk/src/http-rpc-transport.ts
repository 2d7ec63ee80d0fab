// RPC over HTTP: every call is one `POST /rpc` whose body is encoded with the chosen codec;
// replies carry no id (one request, one reply) and any status other than 200 is a refusal.
import type { Codec } from "@baton/codecs";
import { RpcConnectionError } from "./rpc-client-error.js";
import { readReply } from "./rpc-reply.js";
import type { RpcRequest, RpcTransport } from "./rpc-transport.js";

export class HttpRpcTransport implements RpcTransport {
  readonly kind = "http";
  readonly #url: string;
  readonly #codec: Codec;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #inFlight = new Set<AbortController>();
  #closed = false;

  constructor(options: { url: string; codec: Codec; headers: Readonly<Record<string, string>> }) {
    this.#url = options.url;
    this.#codec = options.codec;
    this.#headers = { "Content-Type": options.codec.contentType, Accept: options.codec.contentType, ...options.headers };
  }

  async call(request: RpcRequest): Promise<unknown> {
    const frame = await this.post(this.#codec.encode(request));
    const reply = readReply(frame, { withId: false });
    switch (reply.kind) {
      case "result":
        return reply.value;
      case "error":
        throw reply.error;
      case "notification":
      case "invalid":
        throw new RpcConnectionError(`The server's reply is not an RPC answer: ${reply.kind === "invalid" ? reply.reason : "a notification"}`);
    }
  }

  /** Posts a body as it is and decodes a 200 reply; any other status rejects with RpcConnectionError. */
  async post(body: Uint8Array | string, headers: Readonly<Record<string, string>> = {}): Promise<unknown> {
    if (this.#closed) throw new RpcConnectionError("The client is closed");
    const abort = new AbortController();
    this.#inFlight.add(abort);
    try {
      let res: Response;
      try {
        res = await fetch(this.#url, { method: "POST", headers: { ...this.#headers, ...headers }, body, signal: abort.signal });
      } catch (error) {
        throw new RpcConnectionError(`The request failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200) {
        const text = Buffer.from(bytes).toString("utf8");
        throw new RpcConnectionError(`The server refused the request with ${res.status}: ${text}`, { status: res.status, body: text });
      }
      try {
        return this.#codec.decode(bytes);
      } catch (error) {
        throw new RpcConnectionError("The server's reply cannot be decoded", { cause: error, status: 200 });
      }
    } finally {
      this.#inFlight.delete(abort);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const abort of this.#inFlight) abort.abort();
  }
}
