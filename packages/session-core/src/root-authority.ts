// The one judge of root identities, shared by every protocol: the configured root user's password
// (RootCredentials) and the tokens issued to it (TokenIssuer). A token verifies only when its `ID`
// claim names the configured root user, so RPC and Hrana accept exactly the same tokens.
import { RpcError } from "@baton/protocol-types/rpc";
import type { RootCredentials } from "./root-credentials.js";
import { TokenIssuer, type VerifiedToken } from "./token-issuer.js";

export interface RootAuthorityOptions {
  /** The root user; undefined: auth is off, every session acts as root. */
  readonly credentials?: RootCredentials | undefined;
  /** Issues and verifies tokens; default a TokenIssuer with a random per-process secret. */
  readonly tokens?: TokenIssuer | undefined;
}

export class RootAuthority {
  readonly #credentials: RootCredentials | undefined;
  readonly #tokens: TokenIssuer;

  constructor(options: RootAuthorityOptions = {}) {
    this.#credentials = options.credentials;
    this.#tokens = options.tokens ?? new TokenIssuer();
  }

  /** True when a root user is configured, so sessions must present it before touching data. */
  get required(): boolean {
    return this.#credentials !== undefined;
  }

  /** The configured root user's name, if any. */
  get user(): string | undefined {
    return this.#credentials?.user;
  }

  /**
   * True when `user`/`pass` are the root user's. With auth off there is nobody to check against
   * and every session acts as root anyway, so any pair passes. Refuses (RpcError InvalidAuth) when
   * too many checks are already waiting (RootCredentials' limit).
   */
  async verifyPassword(user: string, pass: string): Promise<boolean> {
    return this.#credentials === undefined ? true : this.#credentials.verify(user, pass);
  }

  /**
   * The user and expiry of a token this server issued to the root user. A genuine token naming
   * another user (issued before a restart with another `--user`, or minted with a shared secret)
   * is InvalidAuth, as a forged one; expired → TokenExpired.
   */
  async verifyToken(token: string): Promise<VerifiedToken> {
    const verified = await this.#tokens.verify(token);
    if (this.#credentials !== undefined && verified.user !== this.#credentials.user) throw RpcError.invalidAuth();
    return verified;
  }

  /** A token for `user` (already verified by the caller). */
  issue(user: string): Promise<string> {
    return this.#tokens.issueRoot(user);
  }
}
