// Access tokens for root sign-ins, in SurrealDB's format (reference section 8.2): an HS512 JWT
// with header {"typ":"JWT","alg":"HS512"} and claims iat, nbf, exp, iss "SurrealDB", jti, ID.
import { randomBytes, randomUUID } from "node:crypto";
import { RpcError } from "@baton/protocol-types/rpc";
import { SignJWT, errors, jwtVerify, type JWTPayload } from "jose";

export interface TokenIssuerOptions {
  /** HMAC key (≥ 32 bytes); random per process when absent, so tokens die with the process. */
  readonly secret?: Uint8Array | undefined;
  /** Token lifetime; SurrealDB's system-user default is one hour. */
  readonly ttlSeconds?: number | undefined;
  /** The clock (ms); `Date.now` unless a test drives time itself. */
  readonly now?: (() => number) | undefined;
}

/** Who a verified token speaks for, and when it ends (ms since the epoch). */
export interface VerifiedToken {
  readonly user: string;
  readonly expiresAt: number;
}

const HEADER = { typ: "JWT", alg: "HS512" } as const;
/** Redraws of the jti when the payload would not survive the JS SDK's `atob`. */
const MAX_DRAWS = 8;

export class TokenIssuer {
  readonly #secret: Uint8Array;
  readonly #ttlSeconds: number;
  readonly #now: () => number;

  constructor(options: TokenIssuerOptions = {}) {
    const secret = options.secret ?? randomBytes(64);
    if (secret.length < 32) throw new RangeError("A token secret needs at least 32 bytes");
    const ttl = options.ttlSeconds ?? 3600;
    if (!Number.isInteger(ttl) || ttl <= 0) throw new RangeError("A token lifetime is a positive whole number of seconds");
    this.#secret = new Uint8Array(secret);
    this.#ttlSeconds = ttl;
    this.#now = options.now ?? Date.now;
  }

  /** A token for the root user `user`, valid from now for the configured lifetime. */
  async issueRoot(user: string): Promise<string> {
    const iat = Math.floor(this.#now() / 1000);
    let token = "";
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const claims = { iat, nbf: iat, exp: iat + this.#ttlSeconds, iss: "SurrealDB", jti: randomUUID(), ID: user };
      token = await new SignJWT(claims).setProtectedHeader(HEADER).sign(this.#secret);
      // The JS SDK reads `exp` with `atob`, which knows only standard base64: a payload whose
      // base64url form holds `-` or `_` reads as a token without `exp`, never renewed (section 8.3).
      if (!/[-_]/.test(token.split(".")[1] ?? "")) break;
    }
    return token;
  }

  /**
   * The user and expiry of a token this issuer signed. Expired → NotAllowed/Auth/TokenExpired;
   * anything forged, tampered, malformed or not a root token → NotAllowed/Auth/InvalidAuth.
   */
  async verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#secret, {
        algorithms: ["HS512"],
        currentDate: new Date(this.#now()),
      }));
    } catch (error) {
      // jose checks the signature before the claims, so only a genuine token can be "expired".
      if (error instanceof errors.JWTExpired) throw RpcError.tokenExpired();
      throw RpcError.invalidAuth();
    }
    const user = claim(payload, "ID");
    const scoped = ["NS", "DB", "AC"].some((name) => claim(payload, name) !== undefined);
    if (typeof user !== "string" || user === "" || scoped || typeof payload.exp !== "number") {
      throw RpcError.invalidAuth();
    }
    return { user, expiresAt: payload.exp * 1000 };
  }
}

/** A claim under its upper-case name, its lower-case alias or its namespaced URL, as SurrealDB accepts. */
function claim(payload: JWTPayload, name: string): unknown {
  return payload[name] ?? payload[name.toLowerCase()] ?? payload[`https://surrealdb.com/${name.toLowerCase()}`];
}
