// The root user's credentials: the password kept only as an scrypt hash, verified in constant
// time. Successful verifications are remembered in a small LRU (keyed by a SHA-256 of the user
// and password), so a Basic header on every HTTP request does not pay scrypt every time.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** scrypt cost: N = 2^15, r = 8, p = 1, i.e. 32 MiB and tens of milliseconds per hash; verified pairs are cached. */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const CACHE_SIZE = 64;

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

  private constructor(user: string, hash: ScryptHash) {
    this.user = user;
    this.#hash = hash;
  }

  /** Hashes `pass` with a random salt; the plain text is not kept. */
  static async fromPassword(options: { user: string; pass: string }): Promise<RootCredentials> {
    const salt = randomBytes(SALT_LENGTH);
    const hash = await derive(options.pass, { ...DEFAULT_COST, salt, keyLength: KEY_LENGTH });
    return new RootCredentials(options.user, { ...DEFAULT_COST, salt, hash });
  }

  /**
   * From a hash made by `toHashString`: `scrypt$N$r$p$salt$hash` (salt and hash in base64 or
   * base64url; a leading `$` is allowed). Throws a RangeError for anything else.
   */
  static fromHash(options: { user: string; hash: string }): RootCredentials {
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
    return new RootCredentials(options.user, { N, r: R, p: P, salt: saltBytes, hash: hashBytes });
  }

  /** `scrypt$N$r$p$salt$hash`, for configuration files (the password cannot be read back from it). */
  toHashString(): string {
    const { N, r, p, salt, hash } = this.#hash;
    return `scrypt$${N}$${r}$${p}$${base64url(salt)}$${base64url(hash)}`;
  }

  /** True when `user` and `pass` are this root user's. */
  async verify(user: string, pass: string): Promise<boolean> {
    // Length-prefixed so that ("a:b", "c") and ("a", "b:c") never share a cache entry.
    const key = createHash("sha256").update(`${user.length}:${user}:${pass}`).digest("base64");
    if (this.#verified.has(key)) {
      this.#verified.delete(key);
      this.#verified.set(key, true);
      return true;
    }
    // The password is hashed whatever the user name, so timing does not tell which one was wrong.
    const derived = await derive(pass, { ...this.#hash, keyLength: this.#hash.hash.length });
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
