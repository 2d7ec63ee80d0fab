// A TCP proxy in front of the test server whose connections a test can cut, to make the SDK see
// its WebSocket drop (as a network failure would) and reconnect through the proxy.
import { createConnection, createServer, type Socket } from "node:net";

export interface TcpProxy {
  /** The target URL with the proxy's host and port in place of the target's. */
  readonly url: string;
  /** Destroys every connection through the proxy (both ends); new ones are still accepted. */
  cut(): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a random port) to the host and port of `target` (ws:// or http://). */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    const upstream = createConnection({ host: to.hostname, port: Number(to.port) });
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The proxy has no TCP address");
  const url = new URL(target);
  url.host = `127.0.0.1:${address.port}`;
  return {
    url: url.toString().replace(/\/$/, ""),
    cut() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
