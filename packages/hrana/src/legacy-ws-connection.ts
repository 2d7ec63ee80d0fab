// The simplified WebSocket framing of the `/database/api/ws` route: no hello, one
// implicit stream per socket, `{request_id, request}` in and `{request_id, response}` out, where
// `request` is a pipeline stream request and `response` its StreamResult. The implicit stream
// carries transactions across messages; `close` ends it and the next message opens a new one.
import type { DatabaseRouter, DatabaseTarget } from "@baton/adapters-kysely";
import { GatewayError, toGatewayError, validatorFor } from "@baton/protocol-types";
import { LegacyWsRequest, type StreamResult } from "@baton/protocol-types/hrana";
import { SerialQueue, type SqlStoreLimits } from "@baton/session-core";
import { HranaStream } from "./hrana-stream.js";
import { HttpStreamState } from "./http-stream-state.js";
import { decodeStreamRequest } from "./request-decoder.js";
import { dispatchStreamRequest } from "./stream-request-dispatcher.js";
import { errorToWire } from "./wire-mapping.js";

const legacyRequest = validatorFor(LegacyWsRequest);

export interface LegacyWsReply {
  readonly request_id: number | string | null;
  readonly response: StreamResult;
}

export class LegacyWsConnection {
  readonly #databases: DatabaseRouter;
  readonly #target: DatabaseTarget;
  readonly #send: (reply: LegacyWsReply) => void;
  readonly #limits: SqlStoreLimits;
  /** Messages run strictly in order, whichever stream they fall on. */
  readonly #queue = new SerialQueue();
  #state: HttpStreamState | undefined;
  #ended = false;

  constructor(options: {
    databases: DatabaseRouter;
    target: DatabaseTarget;
    sqlStoreLimits: SqlStoreLimits;
    send: (reply: LegacyWsReply) => void;
  }) {
    this.#databases = options.databases;
    this.#target = options.target;
    this.#limits = options.sqlStoreLimits;
    this.#send = options.send;
  }

  handleMessage(message: unknown): void {
    if (this.#ended) return;
    if (!legacyRequest.check(message)) {
      const id = typeof message === "object" && message !== null ? (message as { request_id?: unknown }).request_id : null;
      const requestId = typeof id === "number" || typeof id === "string" ? id : null;
      const error = new GatewayError("PROTOCOL_ERROR", `Invalid message: ${legacyRequest.explain(message)}`);
      this.#send({ request_id: requestId, response: { type: "error", error: errorToWire(error) } });
      return;
    }
    void this.#queue.run(async () => {
      const response = await this.#run(message.request);
      if (!this.#ended) this.#send({ request_id: message.request_id, response });
    });
  }

  /** A message that could not be decoded at all (malformed JSON): answered, the socket stays. */
  handleUndecodable(error: unknown): void {
    this.#send({ request_id: null, response: { type: "error", error: errorToWire(toGatewayError(error)) } });
  }

  async shutdown(): Promise<void> {
    this.#ended = true;
    await this.#queue.run(async () => {
      await this.#state?.stream.close();
      this.#state = undefined;
    });
  }

  async #run(raw: unknown): Promise<StreamResult> {
    try {
      const request = decodeStreamRequest(raw, 3);
      const state = (this.#state ??= new HttpStreamState({
        stream: new HranaStream({ database: this.#databases.database(this.#target), target: this.#target }),
        limits: this.#limits,
      }));
      const pending = dispatchStreamRequest(state.context(3), request);
      const response = pending instanceof Promise ? await pending : pending;
      if (request.type === "close") this.#state = undefined;
      return { type: "ok", response };
    } catch (error) {
      return { type: "error", error: errorToWire(toGatewayError(error)) };
    }
  }
}
