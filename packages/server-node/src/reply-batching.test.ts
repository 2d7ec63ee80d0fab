import { Duplex } from "node:stream";
import { describe, expect, it } from "vitest";
import { repliesBatchedPerTick } from "./reply-batching.js";

/** A duplex that records each write it is handed: one entry per write call, chunks together. */
function recordingTransport() {
  const writes: string[][] = [];
  const transport = new Duplex({
    read() {},
    writev(chunks, callback) {
      writes.push(chunks.map(({ chunk }) => String(chunk)));
      callback();
    },
    write(chunk, _encoding, callback) {
      writes.push([String(chunk)]);
      callback();
    },
  });
  return { transport, writes };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("repliesBatchedPerTick", () => {
  it("sends the replies written in the tick of arriving frames in one write, in order", async () => {
    const { transport, writes } = recordingTransport();
    const arriving = repliesBatchedPerTick(transport);
    for (const reply of ["a", "b", "c"]) {
      arriving();
      transport.write(reply);
    }
    expect(writes).toEqual([]);
    await tick();
    expect(writes).toEqual([["a", "b", "c"]]);
    arriving();
    transport.write("d");
    arriving();
    transport.write("e");
    await tick();
    expect(writes).toEqual([["a", "b", "c"], ["d", "e"]]);
  });

  it("leaves replies written in later ticks alone", async () => {
    const { transport, writes } = recordingTransport();
    const arriving = repliesBatchedPerTick(transport);
    arriving();
    await tick();
    transport.write("late");
    expect(writes).toEqual([["late"]]);
  });
});
