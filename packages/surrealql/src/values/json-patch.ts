// JSON Patch (RFC 6902) over SurrealDB values: `applyPatch` for the `patch` method and
// `diffValues` for its `diff` flag (SurrealDB's RETURN DIFF). Paths are JSON Pointers (RFC 6901).
import { RpcError } from "@baton/protocol-types/rpc";
import { isPlainObject, valuesEqual } from "./value-equality.js";

/** One RFC 6902 operation, already checked for shape. */
export type PatchOperation =
  | { readonly op: "add" | "replace" | "test"; readonly path: string; readonly value: unknown }
  | { readonly op: "remove"; readonly path: string }
  | { readonly op: "move" | "copy"; readonly from: string; readonly path: string };

type Container = Record<string, unknown> | unknown[];

/** SurrealDB's wording for a malformed or inapplicable patch. */
function invalidPatch(message: string): RpcError {
  return RpcError.validation(`The JSON Patch contains invalid operations. ${message}`);
}

/** Checks that `ops` is an array of well-formed operations. */
export function parsePatch(ops: unknown): PatchOperation[] {
  if (!Array.isArray(ops)) throw invalidPatch("Expected an array of operations");
  return ops.map((op: unknown, index) => {
    if (!isPlainObject(op)) throw invalidPatch(`Operation ${index} is not an object`);
    const { op: name, path, from } = op;
    if (typeof path !== "string") throw invalidPatch(`Operation ${index} has no string 'path'`);
    switch (name) {
      case "add":
      case "replace":
      case "test":
        if (!Object.hasOwn(op, "value")) throw invalidPatch(`Operation ${index} (${name}) has no 'value'`);
        return { op: name, path, value: op["value"] };
      case "remove":
        return { op: name, path };
      case "move":
      case "copy":
        if (typeof from !== "string") throw invalidPatch(`Operation ${index} (${name}) has no string 'from'`);
        return { op: name, from, path };
      default:
        throw invalidPatch(`Operation ${index} has an unknown 'op' ${JSON.stringify(name)}`);
    }
  });
}

/** Splits a JSON Pointer into unescaped tokens ("" is the whole document). */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  // SurrealDB also takes a path without its leading '/' (`{ op: 'add', path: 'tags', … }`).
  return (pointer.startsWith("/") ? pointer.slice(1) : pointer)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A copy of the containers along the way (value classes are immutable and shared). */
function cloneDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneDeep(item)) as T;
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = cloneDeep(item);
    return copy as T;
  }
  return value;
}

function arrayIndex(token: string, length: number, options: { append: boolean }): number {
  if (options.append && token === "-") return length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw invalidPatch(`${JSON.stringify(token)} is not an array index`);
  const index = Number(token);
  if (index > length || (!options.append && index === length)) throw invalidPatch(`Array index ${index} is out of bounds`);
  return index;
}

/** The container holding the last token of `tokens`, which must exist. */
function parentOf(document: unknown, tokens: readonly string[]): Container {
  let current = document;
  for (const token of tokens.slice(0, -1)) {
    current = childOf(current, token);
  }
  if (Array.isArray(current) || isPlainObject(current)) return current;
  throw invalidPatch(`The path /${tokens.map(escapeToken).join("/")} has no parent object or array`);
}

function childOf(container: unknown, token: string): unknown {
  if (Array.isArray(container)) return container[arrayIndex(token, container.length, { append: false })];
  if (isPlainObject(container) && Object.hasOwn(container, token)) return container[token];
  throw invalidPatch(`The path segment ${JSON.stringify(token)} does not exist`);
}

function getAt(document: unknown, tokens: readonly string[]): unknown {
  return tokens.reduce<unknown>((current, token) => childOf(current, token), document);
}

/** Returns the new document: `tokens` empty replaces the whole. */
function addAt(document: unknown, tokens: readonly string[], value: unknown): unknown {
  const last = tokens.at(-1);
  if (last === undefined) return value;
  const parent = parentOf(document, tokens);
  if (Array.isArray(parent)) parent.splice(arrayIndex(last, parent.length, { append: true }), 0, value);
  else parent[last] = value;
  return document;
}

function removeAt(document: unknown, tokens: readonly string[]): { document: unknown; removed: unknown } {
  const last = tokens.at(-1);
  if (last === undefined) return { document: undefined, removed: document };
  const parent = parentOf(document, tokens);
  if (Array.isArray(parent)) {
    const [removed] = parent.splice(arrayIndex(last, parent.length, { append: false }), 1);
    return { document, removed };
  }
  if (!Object.hasOwn(parent, last)) throw invalidPatch(`The path segment ${JSON.stringify(last)} does not exist`);
  const removed = parent[last];
  delete parent[last];
  return { document, removed };
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Applies `ops` in order to a copy of `document`; the input is never changed. Fails as a whole. */
export function applyPatch(document: unknown, ops: readonly PatchOperation[]): unknown {
  let result = cloneDeep(document);
  for (const op of ops) {
    const tokens = parsePointer(op.path);
    switch (op.op) {
      case "add":
        result = addAt(result, tokens, cloneDeep(op.value));
        break;
      case "remove":
        result = removeAt(result, tokens).document;
        break;
      case "replace":
        getAt(result, tokens);
        result = addAt(removeAt(result, tokens).document, tokens, cloneDeep(op.value));
        break;
      case "move": {
        const from = parsePointer(op.from);
        if (from.length < tokens.length && from.every((token, i) => tokens[i] === token)) {
          throw invalidPatch(`Cannot move ${op.from} into its own child ${op.path}`);
        }
        const removed = removeAt(result, from);
        result = addAt(removed.document, tokens, removed.removed);
        break;
      }
      case "copy":
        result = addAt(result, tokens, cloneDeep(getAt(result, parsePointer(op.from))));
        break;
      case "test": {
        const actual = getAt(result, tokens);
        if (!valuesEqual(actual, op.value)) {
          throw RpcError.validation(
            `Given test operation failed for JSON Patch. Expected \`${describe(op.value)}\`, but got \`${describe(actual)}\` instead.`,
          );
        }
        break;
      }
    }
  }
  return result;
}

/**
 * The operations turning `before` into `after`: objects key by key (remove, add, recurse),
 * arrays index by index (then adds at the end, or removes from the end), anything else replaced.
 * Where SurrealDB emits its own `change` operation (a text diff of strings), Baton emits a
 * standard `replace`, which every RFC 6902 consumer understands.
 */
export function diffValues(before: unknown, after: unknown, path = ""): Record<string, unknown>[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const ops: Record<string, unknown>[] = [];
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) ops.push({ op: "remove", path: `${path}/${escapeToken(key)}` });
    }
    for (const [key, value] of Object.entries(after)) {
      const child = `${path}/${escapeToken(key)}`;
      if (!Object.hasOwn(before, key)) ops.push({ op: "add", path: child, value });
      else ops.push(...diffValues(before[key], value, child));
    }
    return ops;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const ops: Record<string, unknown>[] = [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) ops.push(...diffValues(before[i], after[i], `${path}/${i}`));
    for (let i = common; i < after.length; i++) ops.push({ op: "add", path: `${path}/${i}`, value: after[i] });
    for (let i = before.length - 1; i >= common; i--) ops.push({ op: "remove", path: `${path}/${i}` });
    return ops;
  }
  return valuesEqual(before, after) ? [] : [{ op: "replace", path, value: after }];
}
