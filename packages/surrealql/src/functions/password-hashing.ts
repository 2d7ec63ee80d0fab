// Password hashes for `crypto::{argon2,bcrypt,pbkdf2,scrypt}::{generate,compare}`, in the formats
// SurrealDB writes (PHC strings, and bcrypt's `$2b$`), with its default parameters, so a hash made
// by either side compares true on the other. Comparing refuses (false) a hash whose cost exceeds
// SurrealDB's bound, as SurrealDB does, so a stored hash cannot make a query arbitrarily slow.
import { pbkdf2, randomBytes, scrypt, timingSafeEqual, type BinaryLike } from "node:crypto";
import { argon2Verify, argon2id, bcrypt, bcryptVerify } from "hash-wasm";

/** The cost factor SurrealDB allows above its defaults when comparing. */
const COST_ALLOWANCE = 4;

/** RustCrypto's `argon2` defaults: Argon2id v19, 19 MiB, 2 passes, 1 lane, 32-byte output, 16-byte salt. */
const ARGON2 = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;
/** The `bcrypt` crate's default cost. */
const BCRYPT_COST = 12;
/** RustCrypto's `pbkdf2` defaults. */
const PBKDF2 = { rounds: 10_000, length: 32 } as const;
/** RustCrypto's `scrypt` defaults (log2 N = 17, r = 8, p = 1, 32 bytes). */
const SCRYPT = { logN: 17, r: 8, p: 1, length: 32 } as const;

/** PHC's B64: standard base64 without padding. */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64").replace(/=+$/, "");
const fromB64 = (text: string) => (/^[A-Za-z0-9+/]*$/.test(text) ? Buffer.from(text, "base64") : undefined);

/** A PHC string `$id$[v=n$]params$salt$hash`, split; undefined when it is not one. */
interface PhcHash {
  readonly id: string;
  readonly version: string | undefined;
  readonly params: ReadonlyMap<string, string>;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parsePhc(text: string): PhcHash | undefined {
  const fields = text.split("$");
  if (fields[0] !== "" || fields.length < 5 || fields.length > 6) return undefined;
  const [, id = "", ...rest] = fields;
  const version = fields.length === 6 ? rest.shift() : undefined;
  const [paramText = "", saltText = "", hashText = ""] = rest;
  const params = new Map<string, string>();
  for (const pair of paramText.split(",")) {
    const [key, value] = pair.split("=");
    if (key === undefined || value === undefined || !/^\d+$/.test(value)) return undefined;
    params.set(key, value);
  }
  const [salt, hash] = [fromB64(saltText), fromB64(hashText)];
  if (salt === undefined || hash === undefined || salt.length === 0 || hash.length === 0) return undefined;
  return { id, version: version?.replace(/^v=/, ""), params, salt, hash };
}

const numberParam = (hash: PhcHash, key: string, fallback?: number): number | undefined => {
  const value = hash.params.get(key);
  return value === undefined ? fallback : Number(value);
};

function derive(run: (done: (error: Error | null, key: Buffer) => void) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => run((error, key) => (error === null ? resolve(key) : reject(error))));
}

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

export async function argon2Generate(password: string): Promise<string> {
  // hash-wasm refuses an empty password although Argon2 allows one; SurrealDB hashes it.
  if (password === "") throw new Error("Failed to hash password: hash-wasm cannot hash an empty password");
  return argon2id({ password, salt: randomBytes(16), ...ARGON2, outputType: "encoded" });
}

export async function argon2Compare(hash: string, password: string): Promise<boolean> {
  const parsed = parsePhc(hash);
  if (parsed === undefined || !/^argon2(id|i|d)$/.test(parsed.id) || password === "") return false;
  const [m, t, p] = [numberParam(parsed, "m"), numberParam(parsed, "t"), numberParam(parsed, "p")];
  if (m === undefined || t === undefined || p === undefined) return false;
  if (m > ARGON2.memorySize * COST_ALLOWANCE || t > ARGON2.iterations * COST_ALLOWANCE || p > ARGON2.parallelism * COST_ALLOWANCE) {
    return false;
  }
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

/**
 * bcrypt reads at most 72 bytes of the password followed by a NUL, cyclically; an empty password is
 * thus all zero bytes, which hash-wasm (refusing empty passwords) also gets from "\0".
 */
function bcryptPassword(password: string): Buffer {
  const bytes = Buffer.from(password, "utf8").subarray(0, 72);
  return bytes.length === 0 ? Buffer.from([0]) : bytes;
}

export async function bcryptGenerate(password: string): Promise<string> {
  const hash = await bcrypt({ password: bcryptPassword(password), salt: randomBytes(16), costFactor: BCRYPT_COST, outputType: "encoded" });
  // hash-wasm writes `$2a$`; for UTF-8 text (never a 0xFF byte) `$2a$` and `$2b$` hash alike, and
  // SurrealDB's `bcrypt` crate writes `$2b$`.
  return hash.replace(/^\$2a\$/, "$2b$");
}

export async function bcryptCompare(hash: string, password: string): Promise<boolean> {
  const match = /^\$2[abxy]\$(\d{2})\$/.exec(hash);
  if (match === null || Number(match[1]) > BCRYPT_COST + COST_ALLOWANCE) return false;
  try {
    return await bcryptVerify({ password: bcryptPassword(password), hash });
  } catch {
    return false;
  }
}

const PBKDF2_DIGESTS: ReadonlyMap<string, string> = new Map([
  ["pbkdf2-sha256", "sha256"],
  ["pbkdf2-sha512", "sha512"],
]);

function pbkdf2Key(password: BinaryLike, options: { salt: Buffer; rounds: number; length: number; digest: string }): Promise<Buffer> {
  return derive((done) => pbkdf2(password, options.salt, options.rounds, options.length, options.digest, done));
}

export async function pbkdf2Generate(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await pbkdf2Key(password, { salt, rounds: PBKDF2.rounds, length: PBKDF2.length, digest: "sha256" });
  return `$pbkdf2-sha256$i=${PBKDF2.rounds},l=${PBKDF2.length}$${b64(salt)}$${b64(key)}`;
}

export async function pbkdf2Compare(hash: string, password: string): Promise<boolean> {
  const parsed = parsePhc(hash);
  const digest = parsed === undefined ? undefined : PBKDF2_DIGESTS.get(parsed.id);
  if (parsed === undefined || digest === undefined || parsed.version !== undefined) return false;
  if ([...parsed.params.keys()].some((key) => key !== "i" && key !== "l")) return false;
  const rounds = numberParam(parsed, "i", PBKDF2.rounds) ?? PBKDF2.rounds;
  const length = numberParam(parsed, "l", parsed.hash.length) ?? parsed.hash.length;
  if (length !== parsed.hash.length || rounds < 1) return false;
  if (rounds > PBKDF2.rounds * COST_ALLOWANCE || length > PBKDF2.length * COST_ALLOWANCE) return false;
  const key = await pbkdf2Key(password, { salt: parsed.salt, rounds, length, digest });
  return sameBytes(key, parsed.hash);
}

function scryptKey(password: BinaryLike, options: { salt: Buffer; logN: number; r: number; p: number; length: number }): Promise<Buffer> {
  const { salt, logN, r, p, length } = options;
  const N = 2 ** logN;
  // Node refuses work above `maxmem` (32 MiB by default); allow what these parameters need.
  const maxmem = 128 * N * r + 128 * r * p + 64 * 1024 * 1024;
  return derive((done) => scrypt(password, salt, length, { N, r, p, maxmem }, done));
}

export async function scryptGenerate(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptKey(password, { salt, ...SCRYPT });
  return `$scrypt$ln=${SCRYPT.logN},r=${SCRYPT.r},p=${SCRYPT.p}$${b64(salt)}$${b64(key)}`;
}

export async function scryptCompare(hash: string, password: string): Promise<boolean> {
  const parsed = parsePhc(hash);
  if (parsed === undefined || parsed.id !== "scrypt" || parsed.version !== undefined) return false;
  if ([...parsed.params.keys()].some((key) => key !== "ln" && key !== "r" && key !== "p")) return false;
  const [logN = SCRYPT.logN, r = SCRYPT.r, p = SCRYPT.p] = [numberParam(parsed, "ln"), numberParam(parsed, "r"), numberParam(parsed, "p")];
  const length = parsed.hash.length;
  // scrypt is slow: SurrealDB allows less above its defaults here (log N + 2, r × 2, p × 4).
  if (logN > SCRYPT.logN + 2 || r > SCRYPT.r * 2 || p > SCRYPT.p * 4) return false;
  if (r < 1 || p < 1 || logN < 1 || logN >= r * 16 || length < 10 || length > 64) return false;
  try {
    return sameBytes(await scryptKey(password, { salt: parsed.salt, logN, r, p, length }), parsed.hash);
  } catch {
    return false;
  }
}
