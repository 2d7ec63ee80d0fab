// Hrana over WebSocket, bound to `ws`: text frames in, codec, connection handler, text frames out.
import type { DatabaseTarget } from "@baton/adapters-kysely";
import { encodeHranaJson, encodeServerMsg, jsonCodec } from "@baton/codecs";
import { CloseCode, type HelloAuthenticator, type HranaService, type HranaVersion } from "@baton/hrana";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { repliesBatchedPerTick } from "./reply-batching.js";

/** WebSocket close code for a frame of the wrong kind (RFC 6455 "unsupported data"). */
const UNSUPPORTED_DATA = 1003;

export function bindHranaSocket(
  socket: WebSocket,
  options: {
    service: HranaService;
    version: HranaVersion;
    target: DatabaseTarget;
    authenticate: HelloAuthenticator;
    /** The socket under the WebSocket, corked while the frames of one read are answered. */
    transport: Duplex;
  },
): void {
  const arriving = repliesBatchedPerTick(options.transport);
  const connection = options.service.openWebSocket({
    version: options.version,
    target: options.target,
    authenticate: options.authenticate,
    peer: {
      send: (message) => socket.send(encodeServerMsg(message)),
      close: (code, reason) => socket.close(code, reason),
      pause: () => socket.pause(),
      resume: () => socket.resume(),
    },
  });
  socket.on("message", (data, isBinary) => {
    arriving();
    if (isBinary) {
      socket.close(UNSUPPORTED_DATA, "Binary frames are not accepted: this connection speaks JSON");
      return;
    }
    let message: unknown;
    try {
      message = jsonCodec.decode(data as Buffer);
    } catch {
      socket.close(CloseCode.invalidData, "Malformed JSON message");
      return;
    }
    connection.handleMessage(message);
  });
  socket.once("close", () => void options.service.socketClosed(connection));
}

/** The simplified `{request_id, request}` framing of `/database/api/ws`. */
export function bindLegacySocket(
  socket: WebSocket,
  options: { service: HranaService; target: DatabaseTarget; transport: Duplex },
): void {
  const arriving = repliesBatchedPerTick(options.transport);
  const connection = options.service.openLegacyWebSocket({
    target: options.target,
    send: (reply) => socket.send(encodeHranaJson(reply)),
  });
  socket.on("message", (data) => {
    arriving();
    let message: unknown;
    try {
      message = jsonCodec.decode(data as Buffer);
    } catch (error) {
      connection.handleUndecodable(error);
      return;
    }
    connection.handleMessage(message);
  });
  socket.once("close", () => void options.service.socketClosed(connection));
}
