// A WebSocket test client over `ws`: JSON in text frames, every received message buffered so a
// test can take them in any order, the close code and reason kept, and handshake refusals
// reported with their HTTP status. Every wait is bounded so a missing message fails, not hangs.
import { validatorFor } from "@baton/protocol-types";
import { ServerMsg } from "@baton/protocol-types/hrana";
import type { IncomingMessage } from "node:http";
import { WebSocket, type ClientOptions } from "ws";

const WAIT_MS = 5_000;

/**
 * Parsed JSON from the wire, indexed freely by the tests. Deliberately untyped: the tests'
 * assertions are what check its shape, and a wrong shape must fail an assertion, not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Wire = any;

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

export interface Refusal {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

interface Waiter {
  readonly match: (message: Wire) => boolean;
  readonly resolve: (message: Wire) => void;
}

const serverMsg = validatorFor(ServerMsg);

export class JsonSocket {
  readonly ws: WebSocket;
  /** Resolves when the socket has closed, with the code and reason the server sent. */
  readonly closed: Promise<CloseInfo>;
  readonly #buffer: Wire[] = [];
  /** Server messages that did not match the ServerMsg schema; tests assert it stays empty. */
  readonly schemaViolations: string[] = [];
  #waiters: Waiter[] = [];
  #closeInfo: CloseInfo | undefined;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    // Errors also end in "close"; without a listener, a late one would crash the test process.
    ws.on("error", () => undefined);
    this.closed = new Promise((resolve) => {
      ws.once("close", (code, reason) => {
        this.#closeInfo = { code, reason: reason.toString("utf8") };
        resolve(this.#closeInfo);
      });
    });
    ws.on("message", (data, isBinary) => {
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      const text = bytes.toString("utf8");
      const message: unknown = isBinary ? { binary: text } : JSON.parse(text);
      // Hrana sockets: every server message must match the published ServerMsg schema.
      if (ws.protocol.startsWith("hrana") && !serverMsg.check(message)) {
        this.schemaViolations.push(`${JSON.stringify(message)}: ${serverMsg.explain(message)}`);
      }
      const at = this.#waiters.findIndex((waiter) => waiter.match(message));
      if (at < 0) {
        this.#buffer.push(message);
        return;
      }
      const [waiter] = this.#waiters.splice(at, 1);
      waiter?.resolve(message);
    });
  }

  /** Opens a socket; rejects if the handshake fails (see `refused` for the refusal itself). */
  static connect(url: string, options: { protocols?: string | string[]; ws?: ClientOptions } = {}): Promise<JsonSocket> {
    const ws = new WebSocket(url, options.protocols ?? [], options.ws);
    const socket = new JsonSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(socket));
      ws.once("error", reject);
    });
  }

  /** Attempts a handshake that should be refused; resolves with the HTTP answer. */
  static refused(url: string, options: { protocols?: string | string[]; ws?: ClientOptions } = {}): Promise<Refusal> {
    const ws = new WebSocket(url, options.protocols ?? [], options.ws);
    return new Promise((resolve, reject) => {
      ws.once("open", () => {
        ws.terminate();
        reject(new Error(`the handshake was accepted (subprotocol ${JSON.stringify(ws.protocol)})`));
      });
      ws.once("unexpected-response", (_req, res: IncomingMessage) => {
        const parts: Buffer[] = [];
        res.on("data", (chunk: Buffer) => parts.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"],
            body: Buffer.concat(parts).toString("utf8"),
          }),
        );
      });
      ws.on("error", () => undefined);
    });
  }

  /** The negotiated subprotocol ("" when none). */
  get protocol(): string {
    return this.ws.protocol;
  }

  get closeInfo(): CloseInfo | undefined {
    return this.#closeInfo;
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer, options: { binary: boolean }): void {
    this.ws.send(data, { binary: options.binary });
  }

  /** The first buffered or future message that `match` accepts (default: the next one). */
  take(match: (message: Wire) => boolean = () => true, what = "a message"): Promise<Wire> {
    if (this.schemaViolations.length > 0) {
      return Promise.reject(new Error(`server sent messages outside the schema: ${this.schemaViolations.join("; ")}`));
    }
    const at = this.#buffer.findIndex(match);
    if (at >= 0) return Promise.resolve(this.#buffer.splice(at, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${WAIT_MS} ms; buffered: ${JSON.stringify(this.#buffer)}`));
      }, WAIT_MS);
      this.#waiters.push(waiter);
    });
  }

  /** Messages received and not yet taken. */
  get pending(): readonly Wire[] {
    return this.#buffer;
  }

  /** Waits (bounded) for the server to close the socket. */
  async waitClosed(): Promise<CloseInfo> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the socket was not closed within ${WAIT_MS} ms`)), WAIT_MS);
    });
    try {
      return await Promise.race([this.closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000);
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** A Hrana-over-WebSocket client on a JsonSocket: numbered requests, responses matched by id. */
export class HranaWsClient {
  readonly socket: JsonSocket;
  #nextId = 1;

  constructor(socket: JsonSocket) {
    this.socket = socket;
  }

  /** Connects, says hello and waits for hello_ok. */
  static async open(wsUrl: string, options: { protocols?: string[]; jwt?: string | null } = {}): Promise<HranaWsClient> {
    const socket = await JsonSocket.connect(wsUrl, { protocols: options.protocols ?? ["hrana3"] });
    socket.send(options.jwt === undefined ? { type: "hello" } : { type: "hello", jwt: options.jwt });
    const reply = await socket.take(undefined, "hello reply");
    if (reply.type !== "hello_ok") throw new Error(`expected hello_ok, got ${JSON.stringify(reply)}`);
    return new HranaWsClient(socket);
  }

  /** Sends a request with a fresh id; no waiting. */
  send(request: unknown, requestId = this.#nextId++): number {
    this.socket.send({ type: "request", request_id: requestId, request });
    return requestId;
  }

  /** The response_ok or response_error message for a request id. */
  reply(requestId: number): Promise<Wire> {
    return this.socket.take(
      (m) => (m.type === "response_ok" || m.type === "response_error") && m.request_id === requestId,
      `response to request ${requestId}`,
    );
  }

  /** Sends a request and returns its whole response message. */
  async request(request: unknown): Promise<Wire> {
    return this.reply(this.send(request));
  }

  /** Sends a request and returns its `response`, failing on response_error. */
  async ok(request: unknown): Promise<Wire> {
    const message = await this.request(request);
    if (message.type !== "response_ok") {
      throw new Error(`${JSON.stringify(request)} failed: ${JSON.stringify(message)}`);
    }
    return message.response;
  }

  /** Sends a request and returns its `error`, failing on response_ok. */
  async error(request: unknown): Promise<{ message: string; code?: string | null }> {
    const message = await this.request(request);
    if (message.type !== "response_error") {
      throw new Error(`${JSON.stringify(request)} should have failed: ${JSON.stringify(message)}`);
    }
    return message.error;
  }

  close(): void {
    this.socket.close();
  }
}
