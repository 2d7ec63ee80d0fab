// HTTP streams and their batons. A stream lives across requests linked only by batons: every
// response carries a new baton, an old or forged one is refused, a stream idle for longer than
// the idle timeout (counted from its last use) is expired — its state handed to `onExpire` so
// its transaction is rolled back — and a tombstone answers STREAM_EXPIRED for a while after.
import { GatewayError } from "@baton/protocol-types";
import { BatonSigner } from "./baton-signer.js";
import { IdleRegistry } from "./idle-registry.js";

export interface HttpStreamRegistryOptions<S> {
  /** HMAC key for batons (≥ 32 bytes); random per process when absent. */
  readonly secret?: Uint8Array | undefined;
  /** Idle time after the last request before a stream expires (sqld: 10 s). */
  readonly idleTimeoutMs?: number | undefined;
  /** How long an expired stream still answers STREAM_EXPIRED (sqld: 300 s). */
  readonly tombstoneMs?: number | undefined;
  /** Open streams allowed at once; beyond it new streams are refused. */
  readonly maxStreams?: number | undefined;
  /** Releases what an expired or abandoned stream holds (rolls back, returns its connection). */
  readonly onExpire: (state: S) => Promise<void>;
  /** Reports a failure of `onExpire`; the stream is gone either way. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

interface HttpStream<S> {
  /** Assigned when the stream first outlives a request: one-shot streams never need one. */
  id: string;
  readonly state: S;
  sequence: bigint;
  busy: boolean;
}

/** A request's hold on its stream, from `begin` until `finish`. */
export interface HttpStreamLease<S> {
  readonly state: S;
  /** True when this request opened the stream. */
  readonly isNew: boolean;
  /**
   * Ends the request. With `closed` the stream is forgotten (its owner has already released
   * what it held) and the response baton is null; otherwise the stream gets a new baton.
   */
  finish(closed: boolean): string | null;
}

const MAX_TOMBSTONES = 100_000;

export class HttpStreamRegistry<S> {
  readonly #signer: BatonSigner;
  readonly #tombstoneMs: number;
  readonly #maxStreams: number;
  readonly #onExpire: (state: S) => Promise<void>;
  readonly #onError: (error: unknown) => void;
  /** Streams that outlived a request, by id; idle ones expire (counted from their last use). */
  readonly #streams: IdleRegistry<string, HttpStream<S>>;
  /** Expired stream ids and when they expired, oldest first. */
  readonly #tombstones = new Map<string, number>();
  #closed = false;
  /** Streams opened by a request still running, not yet in #streams. */
  #opening = 0;

  constructor(options: HttpStreamRegistryOptions<S>) {
    this.#signer = new BatonSigner(options.secret);
    this.#tombstoneMs = options.tombstoneMs ?? 300_000;
    this.#maxStreams = options.maxStreams ?? 50_000;
    this.#onExpire = options.onExpire;
    this.#onError = options.onError ?? (() => undefined);
    this.#streams = new IdleRegistry({
      idleTimeoutMs: options.idleTimeoutMs ?? 10_000,
      maxEntries: this.#maxStreams,
      onExpire: (id, stream, now) => {
        this.#tombstones.set(id, now);
        void this.#release(stream.state);
      },
      onSweep: (now) => this.#sweepTombstones(now),
    });
  }

  /** Starts a request on the stream a baton names, or on a new stream when `baton` is null. */
  begin(baton: string | null | undefined, create: () => S): HttpStreamLease<S> {
    if (this.#closed) throw new GatewayError("SHUTTING_DOWN", "The server is shutting down");
    const stream = baton == null ? this.#open(create) : this.#resume(baton);
    stream.busy = true;
    this.#streams.hold(stream.id);
    return {
      state: stream.state,
      isNew: baton == null,
      finish: (closed) => this.#finish(stream, closed),
    };
  }

  /** Open streams (idle or busy). */
  get size(): number {
    return this.#streams.size + this.#opening;
  }

  /** Expires idle streams whose time has come; runs on its own timer, callable for tests. */
  sweep(now = Date.now()): void {
    this.#streams.sweep(now);
  }

  #sweepTombstones(now: number): void {
    for (const [id, expiredAt] of this.#tombstones) {
      if (now - expiredAt < this.#tombstoneMs && this.#tombstones.size <= MAX_TOMBSTONES) break;
      this.#tombstones.delete(id);
    }
  }

  /** Refuses new work and releases every idle stream; busy ones are released when they finish. */
  async close(): Promise<void> {
    this.#closed = true;
    const idle = this.#streams.close();
    await Promise.all(idle.map(([, stream]) => this.#release(stream.state)));
  }

  #open(create: () => S): HttpStream<S> {
    if (!this.#streams.hasRoom(this.#opening)) {
      throw new GatewayError(
        "TOO_MANY_STREAMS",
        `Too many open streams (${this.#maxStreams}); close streams you no longer use`,
      );
    }
    const stream: HttpStream<S> = { id: "", state: create(), sequence: 0n, busy: false };
    this.#opening++;
    return stream;
  }

  #resume(baton: string): HttpStream<S> {
    const claims = this.#signer.verify(baton);
    if (claims === undefined) {
      throw new GatewayError("BATON_INVALID", "Received an invalid baton: it was not issued by this server");
    }
    const stream = this.#streams.peek(claims.streamId);
    if (stream === undefined) {
      if (this.#tombstones.has(claims.streamId)) {
        throw new GatewayError("STREAM_EXPIRED", "The stream has expired due to inactivity");
      }
      throw new GatewayError("BATON_INVALID", "Received an invalid baton: its stream is closed or unknown");
    }
    if (stream.sequence !== claims.sequence || stream.busy) {
      throw new GatewayError(
        "BATON_REUSED",
        "Received a baton that has already been used; send each request with the baton of the previous response",
      );
    }
    return stream;
  }

  #finish(stream: HttpStream<S>, closed: boolean): string | null {
    stream.busy = false;
    if (stream.id === "") {
      this.#opening--;
      if (!closed && !this.#closed) {
        stream.id = this.#signer.newStreamId();
        stream.sequence = this.#signer.newSequence();
        this.#streams.add(stream.id, stream);
      }
    }
    if (closed || this.#closed) {
      this.#streams.delete(stream.id);
      if (!closed) void this.#release(stream.state);
      return null;
    }
    stream.sequence = BigInt.asUintN(64, stream.sequence + 1n);
    this.#streams.touch(stream.id);
    return this.#signer.sign({ streamId: stream.id, sequence: stream.sequence });
  }

  async #release(state: S): Promise<void> {
    try {
      await this.#onExpire(state);
    } catch (error) {
      this.#onError(error);
    }
  }
}
