// Named adapters and tenant routing: a request names an adapter (or takes the default) and a
// namespace; the registry hands out that tenant's database.
import { GatewayError } from "@baton/protocol-types";
import type { SqlAdapter, SqlDatabase } from "./executor.js";
import { validateNamespace } from "./tenant-name.js";

/** Which database a request addresses. */
export interface DatabaseTarget {
  /** A configured adapter's name; the default adapter when undefined. */
  readonly adapter?: string | undefined;
  /** The tenant, already validated (see tenant-name.ts). */
  readonly namespace: string;
}

/** What protocol handlers need: a tenant's database for a target. */
export interface DatabaseRouter {
  database(target: DatabaseTarget): Promise<SqlDatabase>;
  /** The target's database when it is open already, without waiting (see SqlAdapter.openDatabase). */
  openDatabase?(target: DatabaseTarget): SqlDatabase | undefined;
}

/** A stable key for a target, for checking that a stream stays with its tenant. */
export function targetKey(target: DatabaseTarget): string {
  return `${target.adapter ?? ""}\u0000${target.namespace}`;
}

export class AdapterRegistry implements DatabaseRouter {
  readonly #adapters: ReadonlyMap<string, SqlAdapter>;
  readonly #defaultName: string;

  constructor(options: { adapters: readonly SqlAdapter[]; defaultAdapter?: string | undefined }) {
    const adapters = new Map<string, SqlAdapter>();
    for (const adapter of options.adapters) {
      if (adapters.has(adapter.name)) throw new Error(`Two adapters are named ${JSON.stringify(adapter.name)}`);
      adapters.set(adapter.name, adapter);
    }
    const first = options.adapters[0];
    if (first === undefined) throw new Error("At least one adapter must be configured");
    this.#defaultName = options.defaultAdapter ?? first.name;
    if (!adapters.has(this.#defaultName)) {
      throw new Error(`The default adapter ${JSON.stringify(this.#defaultName)} is not configured`);
    }
    this.#adapters = adapters;
  }

  /** Configured adapter names, the default first. */
  get names(): string[] {
    return [this.#defaultName, ...[...this.#adapters.keys()].filter((name) => name !== this.#defaultName)];
  }

  adapter(name: string | undefined): SqlAdapter {
    const adapter = this.#adapters.get(name ?? this.#defaultName);
    if (adapter === undefined) {
      throw new GatewayError(
        "ADAPTER_NOT_FOUND",
        `No adapter is named ${JSON.stringify(name)}; configured: ${[...this.#adapters.keys()].join(", ")}`,
      );
    }
    return adapter;
  }

  database(target: DatabaseTarget): Promise<SqlDatabase> {
    return this.adapter(target.adapter).database(validateNamespace(target.namespace));
  }

  /** Throws as database() does for an unknown adapter or an invalid namespace. */
  openDatabase(target: DatabaseTarget): SqlDatabase | undefined {
    return this.adapter(target.adapter).openDatabase?.(validateNamespace(target.namespace));
  }

  /** Every adapter answers. */
  async ping(): Promise<void> {
    await Promise.all([...this.#adapters.values()].map((adapter) => adapter.ping()));
  }

  async close(): Promise<void> {
    await Promise.all([...this.#adapters.values()].map((adapter) => adapter.close()));
  }
}
