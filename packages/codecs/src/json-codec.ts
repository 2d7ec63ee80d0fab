// JSON on the wire. Strings go straight to JSON.parse; bytes must be valid UTF-8.
import { GatewayError } from "@baton/protocol-types";
import type { Codec } from "./codec.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export const jsonCodec: Codec = {
  name: "json",
  contentType: "application/json",
  binary: false,
  encode(value) {
    return Buffer.from(JSON.stringify(value), "utf8");
  },
  decode(bytes) {
    let text: string;
    try {
      text = typeof bytes === "string" ? bytes : utf8.decode(bytes);
    } catch {
      throw new GatewayError("PROTOCOL_ERROR", "Malformed JSON: the body is not valid UTF-8");
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GatewayError("PROTOCOL_ERROR", `Malformed JSON: ${reason}`);
    }
  },
};
