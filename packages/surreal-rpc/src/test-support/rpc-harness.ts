// An in-process stand-in for the transport: an RpcService over real adapters, and sockets whose
// peer collects the frames the service sends (no network; the databases are real).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AdapterRegistry, createSqliteAdapter, type SqlAdapter } from "@baton/adapters-kysely";
import { RootAuthority, type RootCredentials, type TokenIssuer } from "@baton/session-core";
import { RpcService, type RpcServiceOptions } from "../rpc-service.js";
import type { ResolvedDefaults } from "../connection-defaults.js";
import type { RpcSocket } from "../rpc-socket.js";

export interface Frame {
  readonly id?: unknown;
  readonly session?: unknown;
  readonly result?: unknown;
  readonly error?: { code: number; message: string; kind: string; details?: unknown };
}

/** One socket: `call` sends a request with a fresh string id and resolves to its response frame. */
export class TestSocket {
  readonly frames: Frame[] = [];
  readonly socket: RpcSocket;
  closed: { code: number; reason: string } | undefined;
  #nextId = 1;
  readonly #waiters = new Map<unknown, (frame: Frame) => void>();

  constructor(service: RpcService, options: { defaults?: ResolvedDefaults; adapter?: string } = {}) {
    this.socket = service.openSocket({
      ...(options.adapter === undefined ? {} : { adapter: options.adapter }),
      defaults: options.defaults ?? { auth: undefined },
      peer: {
        send: (frame) => {
          const typed = frame as Frame;
          this.frames.push(typed);
          const waiter = this.#waiters.get(typed.id);
          if (waiter !== undefined) {
            this.#waiters.delete(typed.id);
            waiter(typed);
          }
        },
        close: (code, reason) => {
          this.closed = { code, reason };
        },
      },
    });
  }

  /** Sends `{id, method, params, ...extra}` and resolves to the frame answering it. */
  request(method: string, params?: unknown[], extra: Record<string, unknown> = {}): Promise<Frame> {
    const id = String(this.#nextId++);
    const answered = new Promise<Frame>((resolve) => this.#waiters.set(id, resolve));
    this.socket.handleMessage({ id, method, ...(params === undefined ? {} : { params }), ...extra });
    return answered;
  }

  /** The result of a request; throws with the error frame when it failed. */
  async call(method: string, params?: unknown[], extra: Record<string, unknown> = {}): Promise<unknown> {
    const frame = await this.request(method, params, extra);
    if (frame.error !== undefined) throw new Error(`${method} failed: ${JSON.stringify(frame.error)}`);
    return frame.result;
  }

  /** The error object of a request that must fail. */
  async error(method: string, params?: unknown[], extra: Record<string, unknown> = {}): Promise<NonNullable<Frame["error"]>> {
    const frame = await this.request(method, params, extra);
    if (frame.error === undefined) throw new Error(`${method} succeeded with ${String(frame.result)}, an error was expected`);
    return frame.error;
  }
}

/** A service over a SQLite adapter in a fresh directory (or the adapters given). */
export function rpcHarness(
  options: {
    adapters?: SqlAdapter[];
    credentials?: RootCredentials;
    tokens?: TokenIssuer;
    now?: () => number;
    /** Limits and other service options, over the defaults. */
    service?: Omit<RpcServiceOptions, "databases" | "authority" | "now" | "onError">;
  } = {},
) {
  const directory = mkdtempSync(join(tmpdir(), "baton-rpc-"));
  const adapters = options.adapters ?? [createSqliteAdapter({ directory })];
  const databases = new AdapterRegistry({ adapters });
  const errors: unknown[] = [];
  const service = new RpcService({
    databases,
    ...options.service,
    authority: new RootAuthority({ credentials: options.credentials, tokens: options.tokens }),
    ...(options.now === undefined ? {} : { now: options.now }),
    onError: (error) => errors.push(error),
  });
  return {
    service,
    databases,
    directory,
    errors,
    socket: (socketOptions?: { defaults?: ResolvedDefaults; adapter?: string }) => new TestSocket(service, socketOptions),
    dispose: async () => {
      await service.close();
      await databases.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
