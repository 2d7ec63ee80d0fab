// What an HTTP stream keeps between requests: the Hrana stream and its stored SQL texts.
import { SqlStore, type SqlStoreLimits } from "@baton/session-core";
import type { HranaStream } from "./hrana-stream.js";
import type { HranaVersion } from "./request-decoder.js";
import type { StreamRequestContext } from "./stream-request-dispatcher.js";

export class HttpStreamState {
  readonly stream: HranaStream;
  readonly #limits: SqlStoreLimits;
  #store: SqlStore | undefined;

  constructor(options: { stream: HranaStream; limits: SqlStoreLimits }) {
    this.stream = options.stream;
    this.#limits = options.limits;
  }

  context(version: HranaVersion): StreamRequestContext {
    return {
      stream: this.stream,
      version,
      store: () => (this.#store ??= new SqlStore(this.#limits)),
      peekStore: () => this.#store,
    };
  }
}
