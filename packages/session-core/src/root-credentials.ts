// The root user's credentials: the password kept only as an scrypt hash, verified in constant
// time. Successful verifications are remembered in a small LRU (keyed by a SHA-256 of the user
// and password), so a Basic header on every HTTP request does not pay scrypt every time. Hashing
// runs on libuv's small thread pool (4 threads by default, shared with file and DNS work), so at
// most a few checks hash at once and a bounded number wait; beyond that a check is refused at once.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { RpcError } from "@baton/protocol-types/rpc";

/** scrypt cost: N = 2^15, r = 8, p = 1, i.e. 32 MiB and tens of milliseconds per hash; verified pairs are cached. */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const CACHE_SIZE = 64;

/** How many password checks may hash at once, and how many may wait for their turn. */
export interface VerifyLimits {
  /** Checks hashing at once (default 2, half of libuv's default pool). */
  readonly concurrent?: number | undefined;
  /** Checks waiting beyond those (default 64); one more is refused with "too many sign-in attempts". */
  readonly queued?: number | undefined;
}

/** A counting semaphore with a bounded wait line; `acquire` refuses synchronously when it is full. */
class HashSlots {
  readonly #concurrent: number;
  readonly #queued: number;
  readonly #waiting: Array<() => void> = [];
  #running = 0;

  constructor(limits: VerifyLimits) {
    this.#concurrent = limits.concurrent ?? 2;
    this.#queued = limits.queued ?? 64;
  }

  /** Resolves when a slot is free; throws at once when the wait line is full. */
  acquire(): Promise<void> {
    if (this.#running < this.#concurrent) {
      this.#running++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.#queued) throw tooManyAttempts();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#running--;
    else next();
  }
}

/** -32002 NotAllowed/Auth/InvalidAuth, worded so the caller knows to retry rather than fix the password. */
function tooManyAttempts(): RpcError {
  return new RpcError("AUTH", "Too many sign-in attempts at once: try again shortly", {
    details: { kind: "Auth", details: { kind: "InvalidAuth" } },
  });
}

interface ScryptHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function derive(pass: string, params: Omit<ScryptHash, "hash"> & { keyLength: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(pass.normalize("NFC"), params.salt, params.keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");

export class RootCredentials {
  readonly user: string;
  readonly #hash: ScryptHash;
  /** Digests of user/password pairs that verified, least recently used first. */
  readonly #verified = new Map<string, true>();
  readonly #slots: HashSlots;

  private constructor(user: string, hash: ScryptHash, limits: VerifyLimits = {}) {
    this.user = user;
    this.#hash = hash;
    this.#slots = new HashSlots(limits);
  }

  /** Hashes `pass` with a random salt; the plain text is not kept. */
  static async fromPassword(options: { user: string; pass: string; limits?: VerifyLimits }): Promise<RootCredentials> {
    const salt = randomBytes(SALT_LENGTH);
    const hash = await derive(options.pass, { ...DEFAULT_COST, salt, keyLength: KEY_LENGTH });
    return new RootCredentials(options.user, { ...DEFAULT_COST, salt, hash }, options.limits);
  }

  /**
   * From a hash made by `toHashString`: `scrypt$N$r$p$salt$hash` (salt and hash in base64 or
   * base64url; a leading `$` is allowed). Throws a RangeError for anything else.
   */
  static fromHash(options: { user: string; hash: string; limits?: VerifyLimits }): RootCredentials {
    const parts = options.hash.replace(/^\$/, "").split("$");
    const [scheme, n, r, p, salt, hash] = parts;
    const int = (text: string | undefined) => (text !== undefined && /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : NaN);
    const N = int(n);
    const R = int(r);
    const P = int(p);
    const saltBytes = Buffer.from(salt ?? "", "base64");
    const hashBytes = Buffer.from(hash ?? "", "base64");
    const valid =
      parts.length === 6 &&
      scheme === "scrypt" &&
      N > 1 &&
      N <= 2 ** 22 &&
      (N & (N - 1)) === 0 &&
      R <= 64 &&
      P <= 16 &&
      saltBytes.length >= 8 &&
      hashBytes.length >= 16 &&
      hashBytes.length <= 128;
    if (!valid) throw new RangeError("A password hash reads scrypt$N$r$p$salt$hash (N a power of two, salt and hash in base64)");
    return new RootCredentials(options.user, { N, r: R, p: P, salt: saltBytes, hash: hashBytes }, options.limits);
  }

  /** `scrypt$N$r$p$salt$hash`, for configuration files (the password cannot be read back from it). */
  toHashString(): string {
    const { N, r, p, salt, hash } = this.#hash;
    return `scrypt$${N}$${r}$${p}$${base64url(salt)}$${base64url(hash)}`;
  }

  /**
   * True when `user` and `pass` are this root user's. Throws RpcError NotAllowed/Auth/InvalidAuth
   * ("Too many sign-in attempts …") when the checks waiting to hash are already at their limit.
   */
  async verify(user: string, pass: string): Promise<boolean> {
    // Length-prefixed so that ("a:b", "c") and ("a", "b:c") never share a cache entry.
    const key = createHash("sha256").update(`${user.length}:${user}:${pass}`).digest("base64");
    if (this.#verified.has(key)) {
      this.#verified.delete(key);
      this.#verified.set(key, true);
      return true;
    }
    // The password is hashed whatever the user name, so timing does not tell which one was wrong.
    await this.#slots.acquire();
    let derived: Buffer;
    try {
      derived = await derive(pass, { ...this.#hash, keyLength: this.#hash.hash.length });
    } finally {
      this.#slots.release();
    }
    const userMatches = timingSafeEqual(sha256(user), sha256(this.user));
    const passMatches = timingSafeEqual(derived, this.#hash.hash);
    if (!userMatches || !passMatches) return false;
    this.#verified.set(key, true);
    if (this.#verified.size > CACHE_SIZE) {
      const oldest = this.#verified.keys().next();
      if (oldest.done !== true) this.#verified.delete(oldest.value);
    }
    return true;
  }

  /** Verified pairs remembered (for tests and metrics). */
  get cachedVerifications(): number {
    return this.#verified.size;
  }
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
