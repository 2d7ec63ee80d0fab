// SurrealDB RPC over WebSocket, bound to `ws`: one codec per socket (its subprotocol), frames in
// through the codec to the service's socket handler, replies out as binary (CBOR) or text (JSON).
import type { RpcService } from "@baton/surreal-rpc";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { RpcWireFormat } from "./rpc-formats.js";
import { repliesBatchedPerTick } from "./reply-batching.js";

export function bindRpcSocket(
  socket: WebSocket,
  options: {
    service: RpcService;
    wire: RpcWireFormat;
    adapter: string | undefined;
    defaults: Awaited<ReturnType<RpcService["authenticateDefaults"]>>;
    /** The socket under the WebSocket, corked while the frames of one read are answered. */
    transport: Duplex;
  },
): void {
  const arriving = repliesBatchedPerTick(options.transport);
  const { service, wire } = options;
  const { codec } = wire;
  const connection = service.openSocket({
    adapter: options.adapter,
    defaults: options.defaults,
    peer: {
      send: (frame) => socket.send(wire.encodeFrame(frame), { binary: codec.binary }),
      close: (code, reason) => socket.close(code, reason),
    },
  });
  socket.on("message", (data, isBinary) => {
    arriving();
    let message: unknown;
    try {
      // JSON is decoded from the bytes of either frame kind (the codec checks the UTF-8); a text
      // frame reaches the CBOR codec as text, which it refuses: CBOR travels in binary frames.
      const bytes = data as Buffer;
      message = codec.decode(isBinary || !codec.binary ? bytes : bytes.toString("utf8"));
    } catch (error) {
      connection.handleUndecodable(error);
      return;
    }
    connection.handleMessage(message);
  });
  socket.once("close", () => void service.socketClosed(connection));
}
