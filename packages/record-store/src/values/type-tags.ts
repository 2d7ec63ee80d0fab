// The `_baton_types` column: JSON Pointers into the stored row (the column, then a path into its
// JSON) mapped to a kind, `"datetime"`, or `[kind, exact]` (docs/record-model.md, "Values and
// type tags"). `*` as a path segment stands for every element of an array; a literal `*` key is `~2`.

/** A kind to read the stored value as, or the kind and exact text of a value stored lossily. */
export type TypeTag = string | readonly [string, string];

/** Tags being collected for one row. */
export type TagSink = Map<string, TypeTag>;

/** One segment of a JSON Pointer, escaped (`~` → `~0`, `/` → `~1`, a lone `*` → `~2`). */
export function pointerSegment(name: string | number): string {
  if (typeof name === "number") return String(name);
  if (name === "*") return "~2";
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function childPath(path: string, name: string | number): string {
  return `${path}/${pointerSegment(name)}`;
}

/** Tags read from a row, looked up by path, `*` segments matching any array index. */
export class TagLookup {
  static readonly EMPTY = new TagLookup(new Map());
  readonly #tags: ReadonlyMap<string, TypeTag>;
  readonly #wildcards: boolean;

  constructor(tags: ReadonlyMap<string, TypeTag>) {
    this.#tags = tags;
    this.#wildcards = [...tags.keys()].some((key) => key.includes("/*"));
  }

  /** Parses the column's JSON text; malformed or foreign content reads as no tags. */
  static parse(text: unknown): TagLookup {
    if (typeof text !== "string" || text === "") return TagLookup.EMPTY;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return TagLookup.EMPTY;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return TagLookup.EMPTY;
    const tags = new Map<string, TypeTag>();
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === "string") tags.set(key, value);
      else if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
        tags.set(key, [value[0], value[1]]);
      }
    }
    return new TagLookup(tags);
  }

  entries(): IterableIterator<[string, TypeTag]> {
    return this.#tags.entries();
  }

  get size(): number {
    return this.#tags.size;
  }

  get(path: string): TypeTag | undefined {
    const exact = this.#tags.get(path);
    if (exact !== undefined || !this.#wildcards) return exact;
    for (const [key, tag] of this.#tags) {
      if (key.includes("/*") && wildcardMatches(key, path)) return tag;
    }
    return undefined;
  }
}

function wildcardMatches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const have = path.split("/");
  return want.length === have.length && want.every((segment, i) => segment === have[i] || (segment === "*" && /^\d+$/.test(have[i] ?? "")));
}

/** The column's value for a row's tags: JSON text, or null when there are none. */
export function tagsText(tags: TagSink): string | null {
  if (tags.size === 0) return null;
  return JSON.stringify(Object.fromEntries(tags));
}
