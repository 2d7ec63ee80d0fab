// The Hrana client of one remote database: opened on first use, its protocol version learnt
// once, and opened again after it failed (a dropped WebSocket, an HTTP version probe that did
// not get through), so that one outage does not outlive itself.
import { GatewayError } from "@baton/protocol-types";
import type { HranaStreamLike } from "./remote-connection.js";
import { REMOTE_UNAVAILABLE, remoteError } from "./remote-errors.js";

type IntMode = "number" | "bigint" | "string";

/** The members of @libsql/hrana-client's HttpClient and WsClient that Baton uses. */
export interface HranaClientLike {
  /** Resolves once the version is known (WebSocket handshake done, HTTP endpoint probed). */
  getVersion(): Promise<number>;
  /** How integers come back; streams opened later inherit it. */
  intMode: IntMode;
  openStream(): HranaStreamLike & { intMode: IntMode };
  close(): void;
  readonly closed: boolean;
}

export interface HranaLinkOptions {
  /** Opens a client (`openHttp` or `openWs` with Hrana 3 and the token). */
  readonly open: () => HranaClientLike;
  /** Names the remote in messages (no credentials). */
  readonly remote: string;
  /** How long to wait for the remote to answer the handshake or version probe. */
  readonly connectTimeoutMs: number;
}

interface Ready {
  readonly client: HranaClientLike;
  readonly version: number;
}

export class HranaLink {
  readonly #options: HranaLinkOptions;
  #ready: Promise<Ready> | undefined;
  #closed = false;

  constructor(options: HranaLinkOptions) {
    this.#options = options;
  }

  get remote(): string {
    return this.#options.remote;
  }

  /** Opens a stream with integers as bigint; resolves with it and the protocol version. */
  async openStream(): Promise<{ stream: HranaStreamLike; version: number }> {
    const { client, version } = await this.#client();
    const stream = client.openStream();
    stream.intMode = "bigint";
    return { stream, version };
  }

  close(): void {
    this.#closed = true;
    const ready = this.#ready;
    this.#ready = undefined;
    void ready?.then(({ client }) => client.close(), () => undefined);
  }

  async #client(): Promise<Ready> {
    if (this.#closed) throw new GatewayError("SHUTTING_DOWN", `The connection to ${this.#options.remote} is closed`);
    const current = this.#ready;
    if (current !== undefined) {
      const ready = await current.catch(() => undefined);
      if (ready !== undefined && !ready.client.closed) return ready;
      if (this.#ready === current) this.#ready = undefined;
    }
    this.#ready ??= this.#connect();
    return this.#ready;
  }

  async #connect(): Promise<Ready> {
    const { open, remote, connectTimeoutMs } = this.#options;
    let client: HranaClientLike;
    try {
      client = open();
      client.intMode = "bigint";
    } catch (error) {
      throw remoteError(error, remote);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new GatewayError(REMOTE_UNAVAILABLE, `The remote libSQL database ${remote} did not answer within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
    });
    try {
      const version = await Promise.race([client.getVersion(), timeout]);
      return { client, version };
    } catch (error) {
      client.close();
      throw remoteError(error, remote);
    } finally {
      clearTimeout(timer);
    }
  }
}
