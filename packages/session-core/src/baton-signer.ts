// Batons: opaque, unforgeable names of an HTTP stream at one point of its life. A baton is
// base64url(stream id ‖ sequence number ‖ HMAC-SHA256 of both) under a per-process or configured key,
// so a client can neither guess another stream's baton nor replay an old one (the sequence moves on).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const ID_BYTES = 8;
const SEQ_BYTES = 8;
const MAC_BYTES = 32;
const BATON_BYTES = ID_BYTES + SEQ_BYTES + MAC_BYTES;

export interface BatonClaims {
  /** The stream id, as a lookup key. */
  readonly streamId: string;
  readonly sequence: bigint;
}

/** Random bytes drawn in blocks: one system call per 512 stream ids instead of one per id. */
class RandomPool {
  #block = Buffer.alloc(0);
  #offset = 0;

  take(bytes: number): Buffer {
    if (this.#offset + bytes > this.#block.length) {
      this.#block = randomBytes(8192);
      this.#offset = 0;
    }
    const out = this.#block.subarray(this.#offset, this.#offset + bytes);
    this.#offset += bytes;
    return out;
  }
}

export class BatonSigner {
  readonly #key: Buffer;
  readonly #random = new RandomPool();

  /** `secret` of at least 32 bytes; a random key (batons die with the process) when absent. */
  constructor(secret?: Uint8Array) {
    if (secret !== undefined && secret.byteLength < 32) {
      throw new Error("the baton secret must be at least 32 bytes");
    }
    this.#key = secret === undefined ? randomBytes(32) : Buffer.from(secret);
  }

  /** A fresh random stream id. */
  newStreamId(): string {
    return this.#random.take(ID_BYTES).toString("base64url");
  }

  /** A random starting sequence number, so sequences do not reveal how busy a stream is. */
  newSequence(): bigint {
    return this.#random.take(SEQ_BYTES).readBigUInt64BE() >> 1n;
  }

  sign(claims: BatonClaims): string {
    const body = Buffer.alloc(ID_BYTES + SEQ_BYTES);
    Buffer.from(claims.streamId, "base64url").copy(body, 0, 0, ID_BYTES);
    body.writeBigUInt64BE(BigInt.asUintN(64, claims.sequence), ID_BYTES);
    return Buffer.concat([body, this.#mac(body)]).toString("base64url");
  }

  /** The claims of a genuine baton, or undefined for anything forged, truncated or malformed. */
  verify(baton: string): BatonClaims | undefined {
    if (baton.length !== Math.ceil((BATON_BYTES * 4) / 3) || !/^[A-Za-z0-9_-]+$/.test(baton)) return undefined;
    const raw = Buffer.from(baton, "base64url");
    if (raw.length !== BATON_BYTES) return undefined;
    const body = raw.subarray(0, ID_BYTES + SEQ_BYTES);
    if (!timingSafeEqual(raw.subarray(ID_BYTES + SEQ_BYTES), this.#mac(body))) return undefined;
    return {
      streamId: body.subarray(0, ID_BYTES).toString("base64url"),
      sequence: body.readBigUInt64BE(ID_BYTES),
    };
  }

  #mac(body: Buffer): Buffer {
    return createHmac("sha256", this.#key).update(body).digest();
  }
}
