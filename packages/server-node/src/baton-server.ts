// The Baton HTTP and WebSocket server: routes requests and upgrades to the protocol services.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { AdapterRegistry, DatabaseTarget } from "@baton/adapters-kysely";
import { HranaService, type HranaServiceOptions } from "@baton/hrana";
import { GatewayError, toGatewayError } from "@baton/protocol-types";
import { RpcService } from "@baton/surreal-rpc";
import { WebSocketServer, type WebSocket } from "ws";
import { allowAnyone, parseAuthorization, type Authenticator } from "./credentials.js";
import { handleHranaHttp } from "./hrana-http-binding.js";
import { bindHranaSocket, bindLegacySocket } from "./hrana-ws-binding.js";
import { sendError, sendJson, sendText } from "./http-response.js";
import { methodAllowed, routeOf, RPC_PATH } from "./http-routes.js";
import { RPC_FORMATS } from "./rpc-formats.js";
import { rpcDefaultsFrom } from "./rpc-header-defaults.js";
import { handleRpcHttp } from "./rpc-http-binding.js";
import { bindRpcSocket } from "./rpc-ws-binding.js";
import { negotiate, negotiateRpc, type Negotiation } from "./subprotocol.js";
import { resolveTarget, type ResolvedRequest, type TenancySettings } from "./tenant-resolver.js";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** SurrealDB RPC settings: root credentials, token issuer, HTTP session limits, the version reported. */
export type RpcServerOptions = Omit<ConstructorParameters<typeof RpcService>[0], "databases" | "onError">;

export interface BatonServerOptions {
  /** The configured adapters; requests are routed to a tenant's database among them. */
  readonly databases: AdapterRegistry;
  readonly hrana?: Omit<HranaServiceOptions, "databases" | "onError"> | undefined;
  readonly rpc?: RpcServerOptions | undefined;
  /** Tenant selection beyond headers and path (default: namespace "default", no Host routing). */
  readonly tenancy?: Partial<TenancySettings> | undefined;
  /** Largest request body or WebSocket message, in bytes (default 16 MiB). */
  readonly maxBodyBytes?: number | undefined;
  readonly authenticate?: Authenticator | undefined;
  /** How often idle sockets are pinged; one that misses a pong is dropped (default 30 s). */
  readonly heartbeatMs?: number | undefined;
  readonly logger?: Logger | undefined;
}

/** A WebSocket upgrade as node:http hands it over. */
interface Upgrade {
  readonly req: IncomingMessage;
  readonly socket: Duplex;
  readonly head: Buffer;
}

const LEGACY_WS_PATH = "/database/api/ws";
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class BatonServer {
  readonly hrana: HranaService;
  readonly rpc: RpcService;
  readonly httpServer: Server;
  readonly #databases: AdapterRegistry;
  readonly #wss: WebSocketServer;
  readonly #tenancy: TenancySettings;
  readonly #maxBodyBytes: number;
  readonly #authenticate: Authenticator;
  readonly #logger: Logger;
  readonly #negotiated = new WeakMap<IncomingMessage, Negotiation>();
  readonly #alive = new WeakSet<WebSocket>();
  readonly #heartbeat: NodeJS.Timeout;
  #closing = false;

  constructor(options: BatonServerOptions) {
    this.#databases = options.databases;
    this.#logger = options.logger ?? silent;
    this.#tenancy = { defaultNamespace: "default", namespaceFromHost: false, ...options.tenancy };
    this.#maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
    this.#authenticate = options.authenticate ?? allowAnyone;
    this.hrana = new HranaService({
      ...options.hrana,
      databases: options.databases,
      onError: (error) => this.#logger.error("stream clean-up failed", error),
    });
    this.rpc = new RpcService({
      ...options.rpc,
      databases: options.databases,
      onError: (error) => this.#logger.error("RPC session clean-up failed", error),
    });
    this.httpServer = createServer((req, res) => void this.#onRequest(req, res));
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.#maxBodyBytes,
      perMessageDeflate: false,
      handleProtocols: (_offered, req) => {
        const negotiation = this.#negotiated.get(req);
        const chosen = negotiation?.kind === "hrana" || negotiation?.kind === "rpc" ? negotiation.protocol : null;
        return chosen ?? false;
      },
    });
    this.httpServer.on("upgrade", (req, socket, head) => this.#onUpgrade(req, socket, head));
    this.#heartbeat = setInterval(() => this.#beat(), options.heartbeatMs ?? 30_000);
    this.#heartbeat.unref();
  }

  /** Starts listening; port 0 picks a free port. Resolves with the base URLs. */
  async listen(options: { host: string; port: number }): Promise<{ port: number; httpUrl: string; wsUrl: string }> {
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once("error", reject);
      this.httpServer.listen(options.port, options.host, () => {
        this.httpServer.off("error", reject);
        resolve();
      });
    });
    const { port } = this.httpServer.address() as AddressInfo;
    const host = options.host.includes(":") ? `[${options.host}]` : options.host;
    return { port, httpUrl: `http://${host}:${port}`, wsUrl: `ws://${host}:${port}` };
  }

  /** Stops accepting, closes sockets with 1001, rolls back open transactions (Hrana and RPC), closes the databases. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    clearInterval(this.#heartbeat);
    const stopped = new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
    for (const client of this.#wss.clients) client.close(1001, "Server shutting down");
    this.httpServer.closeIdleConnections();
    await Promise.all([this.hrana.close(), this.rpc.close()]);
    const deadline = setTimeout(() => {
      for (const client of this.#wss.clients) client.terminate();
      this.httpServer.closeAllConnections();
    }, 2000);
    await stopped;
    clearTimeout(deadline);
    await this.#databases.close();
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (this.#closing) throw new GatewayError("SHUTTING_DOWN", "The server is shutting down");
      const resolved = resolveTarget({ headers: req.headers, path: pathOf(req) }, this.#tenancy);
      const path = resolved.path;
      const route = routeOf(path);
      if (route === undefined) throw new GatewayError("NOT_FOUND", `No route for ${path}`);
      if (!methodAllowed(route, req.method)) {
        throw new GatewayError("METHOD_NOT_ALLOWED", `${req.method ?? "?"} is not allowed on ${path}`);
      }
      switch (route.kind) {
        case "health":
          await this.#databases.ping();
          return sendJson(res, { status: 200, body: { status: "ok" } });
        case "index":
          return sendText(res, { status: 200, text: "Baton: Hrana over HTTP (/v2, /v3) and WebSocket\n" });
        case "hrana-probe":
          return sendText(res, { status: 200, text: `Hrana over HTTP v${route.version}\n` });
        case "hrana": {
          const authorized = this.#authenticate(parseAuthorization(req.headers.authorization));
          if (authorized !== undefined) await authorized;
          const call = { req, res, endpoint: route.endpoint, version: route.version, target: resolved.target };
          return await handleHranaHttp(this.hrana, { call, maxBodyBytes: this.#maxBodyBytes });
        }
        case "rpc":
          return await handleRpcHttp(this.rpc, { req, res, adapter: resolved.target.adapter, maxBodyBytes: this.#maxBodyBytes });
        case "version":
          return sendText(res, { status: 200, text: this.rpc.version });
      }
    } catch (error) {
      sendError(res, { error, onInternal: (e) => this.#logger.error(`${req.method} ${req.url} failed`, e) });
    }
  }

  #onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    let bodyKind: "json" | "text" = "json";
    const upgrade = async () => {
      if (this.#closing) throw new GatewayError("SHUTTING_DOWN", "The server is shutting down");
      const resolved = resolveTarget({ headers: req.headers, path: pathOf(req) }, this.#tenancy);
      if (resolved.path !== RPC_PATH) return this.#upgradeHrana({ req, socket, head }, resolved);
      // SurrealDB answers refused RPC upgrades in plain text, as it does refused HTTP RPC requests.
      bodyKind = "text";
      return this.#upgradeRpc({ req, socket, head }, resolved.target);
    };
    upgrade().catch((error: unknown) => rejectUpgrade(socket, { error: toGatewayError(error), bodyKind }));
  }

  /** `/rpc`: subprotocol `cbor` or `json` (none: JSON); the upgrade's headers make the default session. */
  async #upgradeRpc(upgrade: Upgrade, target: DatabaseTarget): Promise<void> {
    const { req, socket, head } = upgrade;
    const negotiation = negotiateRpc(req.headers["sec-websocket-protocol"]);
    if (negotiation.kind !== "rpc") {
      const offered = negotiation.kind === "unsupported" ? negotiation.offered.join(", ") : "";
      throw new GatewayError("PROTOCOL_ERROR", `None of the offered subprotocols (${offered}) is supported on /rpc; use cbor or json`);
    }
    const defaults = await this.rpc.authenticateDefaults(rpcDefaultsFrom(req.headers));
    this.#negotiated.set(req, negotiation);
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      this.#watch(ws);
      bindRpcSocket(ws, { service: this.rpc, wire: RPC_FORMATS[negotiation.format], adapter: target.adapter, defaults, transport: socket });
    });
  }

  /** Heartbeat bookkeeping and error handling every socket gets. */
  #watch(ws: WebSocket): void {
    this.#alive.add(ws);
    ws.on("pong", () => this.#alive.add(ws));
    ws.on("error", () => ws.terminate());
  }

  /** Every other path: Hrana (hrana1–3), or the `/database/api/ws` framing without a subprotocol. */
  async #upgradeHrana(upgrade: Upgrade, resolved: ResolvedRequest): Promise<void> {
    const { req, socket, head } = upgrade;
    const { target, path } = resolved;
    const negotiation = negotiate(req.headers["sec-websocket-protocol"]);
    if (negotiation.kind === "unsupported") {
      throw new GatewayError(
        "PROTOCOL_ERROR",
        `None of the offered subprotocols (${negotiation.offered.join(", ")}) is supported; use hrana3, hrana2 or hrana1`,
      );
    }
    const legacy = path === LEGACY_WS_PATH && negotiation.kind === "none";
    // The legacy framing has no hello: its credentials are the upgrade request's, checked here.
    if (legacy) await this.#authenticate(parseAuthorization(req.headers.authorization));
    this.#negotiated.set(req, negotiation);
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      this.#watch(ws);
      if (legacy) {
        bindLegacySocket(ws, { service: this.hrana, target, transport: socket });
        return;
      }
      const version = negotiation.kind === "hrana" ? negotiation.version : 1;
      const authenticate = async (jwt: string | null) =>
        this.#authenticate(jwt === null ? null : { scheme: "bearer", token: jwt });
      bindHranaSocket(ws, { service: this.hrana, version, target, authenticate, transport: socket });
    });
  }

  #beat(): void {
    for (const client of this.#wss.clients) {
      if (!this.#alive.has(client)) {
        client.terminate();
        continue;
      }
      this.#alive.delete(client);
      client.ping();
    }
  }
}

/** The request path without its query string, percent-decoding left to the router. */
function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?", 1)[0] as string;
}

function rejectUpgrade(socket: Duplex, options: { error: GatewayError; bodyKind: "json" | "text" }): void {
  const { error } = options;
  const json = options.bodyKind === "json";
  const body = json ? JSON.stringify({ message: error.message, code: error.code }) : error.message;
  const type = json ? "application/json" : "text/plain";
  socket.end(
    `HTTP/1.1 ${error.status} ${error.code}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
