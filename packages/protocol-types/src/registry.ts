// Every schema that codegen emits (types, JSON Schema, compiled validator), keyed by its $id.
import type { TSchema } from "@sinclair/typebox";
import * as hrana from "./hrana/index.js";
import * as rpc from "./rpc/index.js";

function byId(mod: Record<string, unknown>): Record<string, TSchema> {
  const out: Record<string, TSchema> = {};
  for (const value of Object.values(mod)) {
    if (typeof value === "object" && value !== null && typeof (value as TSchema).$id === "string") {
      const schema = value as TSchema;
      out[schema.$id as string] = schema;
    }
  }
  return out;
}

/** Schema groups; each becomes `generated/<group>.*`. */
export const registry: Record<string, Record<string, TSchema>> = {
  hrana: byId(hrana),
  rpc: byId(rpc),
};
