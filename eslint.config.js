// ESLint for the whole monorepo. Package `lint` scripts run `eslint src test` from their own
// directory; flat config lookup walks up to this file. The layering rules below enforce the layer
// order of README.md's Layout: a package may import only from the layers above it.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

const repoRoot = import.meta.dirname;

const STYLE = "See the layer order in README.md, 'Layout'";

// Modules that open sockets or speak to a database, as anchored regexes: a gitignore-style
// `group: ["ws"]` would also match a package's own `./ws/` folder. Bare builtin names are listed
// too, because `import "http"` is the same module as `import "node:http"`.
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Matches each module and its subpaths (`kysely`, `kysely/helpers/sqlite`) but not `kysely-x`. */
const modules = (...names) => `^(?:${names.map(escape).join("|")})(?:/|$)`;
const SOCKET_MODULES = modules("ws", "node:http", "http", "node:https", "https", "node:http2", "http2", "node:net", "net");
const DRIVER_MODULES = modules("better-sqlite3", "pg", "mysql2", "@libsql", "libsql", "kysely");

/**
 * The layers, top first. A package may import only the packages listed before it.
 * `forbid` adds third-party modules (a regex) the layer must not touch, with the reason shown in the error.
 */
const LAYERS = [
  {
    dir: "packages/protocol-types",
    name: "@baton/protocol-types",
    forbid: [
      { regex: SOCKET_MODULES, why: "protocol-types holds TypeBox schemas only: no sockets" },
      { regex: DRIVER_MODULES, why: "protocol-types holds TypeBox schemas only: no SQL driver" },
    ],
  },
  {
    dir: "packages/codecs",
    name: "@baton/codecs",
    forbid: [
      { regex: SOCKET_MODULES, why: "codecs turn bytes into unknown and back, nothing else: no sockets" },
      { regex: DRIVER_MODULES, why: "codecs turn bytes into unknown and back, nothing else: no SQL driver" },
    ],
  },
  {
    dir: "packages/client-sdk",
    name: "@baton/client-sdk",
    forbid: [{ regex: DRIVER_MODULES, why: "the client speaks the wire protocols only: no SQL driver" }],
  },
  {
    dir: "packages/session-core",
    name: "@baton/session-core",
    forbid: [
      { regex: SOCKET_MODULES, why: "session-core never imports ws or node:http/https/net; type sockets structurally (SocketLike)" },
      { regex: DRIVER_MODULES, why: "session-core never imports a database driver or kysely; type drivers structurally at the seam" },
    ],
  },
  {
    dir: "packages/adapters-kysely",
    name: "@baton/adapters-kysely",
    forbid: [{ regex: SOCKET_MODULES, why: "adapters talk to databases only; sockets belong to server-node" }],
  },
  {
    dir: "packages/record-store",
    name: "@baton/record-store",
    forbid: [
      { regex: SOCKET_MODULES, why: "the record store talks to databases through the executor only; sockets belong to server-node" },
      {
        regex: modules("better-sqlite3", "pg", "mysql2", "@libsql", "libsql"),
        why: "the record store reaches databases only through the adapters-kysely executor (Kysely is allowed for building SQL)",
      },
    ],
  },
  {
    dir: "packages/surrealql",
    name: "@baton/surrealql",
    forbid: [
      { regex: SOCKET_MODULES, why: "SurrealQL is transport-free; ws and node:http belong to server-node" },
      { regex: DRIVER_MODULES, why: "SurrealQL reaches the database only through the record store (nothing reaches around a layer)" },
    ],
  },
  {
    dir: "packages/hrana",
    name: "@baton/hrana",
    forbid: [
      { regex: SOCKET_MODULES, why: "the Hrana handler is transport-free; ws and node:http belong to server-node" },
      {
        regex: DRIVER_MODULES,
        why: "the Hrana handler reaches the database only through the adapters-kysely executor (nothing reaches around a layer)",
      },
    ],
  },
  {
    dir: "packages/surreal-rpc",
    name: "@baton/surreal-rpc",
    forbid: [
      { regex: SOCKET_MODULES, why: "the RPC handler is transport-free; ws and node:http belong to server-node" },
      { regex: DRIVER_MODULES, why: "the RPC handler reaches the database only through the record store and the executor" },
    ],
  },
  { dir: "packages/server-node", name: "@baton/server-node", forbid: [] },
  { dir: "apps/server", name: "@baton/server", forbid: [] },
];

/** Every workspace package directory name, so relative imports into another package are caught. */
const PACKAGE_DIRS = ["packages", "apps", "tooling"];

/** `no-restricted-imports` patterns every package shares. */
function commonPatterns(ownDir) {
  const ownName = ownDir.split("/").pop();
  const others = LAYERS.map((layer) => layer.dir.split("/").pop()).filter((name) => name !== ownName);
  return [
    {
      group: ["@baton/*/internal", "@baton/*/internal/*"],
      message: `Another package's ./internal/* is private (its exports map says "./internal/*": null). Import its public entry instead. ${STYLE}, habit 12.`,
    },
    {
      regex: `^(?:\\.\\./)+(?:${PACKAGE_DIRS.join("|")})/`,
      message: `Do not reach into another workspace package by relative path; import it by its package name (@baton/...). ${STYLE}.`,
    },
    {
      regex: `^(?:\\.\\./)+(?:${others.join("|")})/(?:src|dist|generated|test)(?:/|$)`,
      message: `Do not import another package's files by relative path; import it by its package name (@baton/...). ${STYLE}.`,
    },
  ];
}

/** One config object per layer: flat config replaces (not merges) a rule's options, so each file gets exactly one. */
function layerConfigs() {
  return LAYERS.map((layer, index) => {
    const below = LAYERS.slice(index + 1);
    const patterns = [...commonPatterns(layer.dir)];
    if (below.length > 0) {
      patterns.push({
        group: below.flatMap((b) => [b.name, `${b.name}/*`]),
        message: `${layer.name} may import only the layers above it (${
          LAYERS.slice(0, index).map((a) => a.name).join(", ") || "it is the top layer: no other Baton package"
        }); this package is a lower layer. ${STYLE}: "A package may import only from the layers above it".`,
      });
    }
    for (const { regex, why } of layer.forbid) {
      patterns.push({ regex, message: `${why}. ${STYLE}.` });
    }
    return {
      name: `baton/layering/${layer.dir}`,
      files: [`${layer.dir}/**/*.{ts,mts,cts,js,mjs,cjs}`],
      rules: { "no-restricted-imports": ["error", { patterns }] },
    };
  });
}

export default defineConfig(
  globalIgnores(
    [
      "**/dist/**",
      "**/generated/**",
      "**/node_modules/**",
      "**/.turbo/**",
      "**/coverage/**",
      ".test-reports/**",
      // Not part of any tsconfig, so the typed rules cannot see them.
      "**/bin/**",
      "**/*.config.{js,mjs,cjs}",
      // Deliberately broken code that tooling/lint-rules lints with `ignore: false`.
      "tooling/lint-rules/fixtures/**",
    ],
    "baton/ignores",
  ),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: "baton/typescript",
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
    },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          // `./foo.js` resolves to `./foo.ts`; workspace packages resolve to their source.
          conditionNames: ["baton-source", "types", "import", "node", "default"],
          project: PACKAGE_DIRS.map((dir) => `${repoRoot}/${dir}/*/tsconfig.json`),
          noWarnOnMultipleProjects: true,
          alwaysTryTypes: true,
        }),
      ],
      "import-x/extensions": [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"],
      "import-x/external-module-folders": ["node_modules"],
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "max-params": ["error", 3],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      // With verbatimModuleSyntax, `import { type A } from "x"` keeps a bare `import "x"` at runtime.
      "@typescript-eslint/no-import-type-side-effects": "error",
      // `async` without `await` is deliberate in Promise-returning dispatch tables and callbacks:
      // it turns a synchronous throw into a rejection instead of letting it escape the chain.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-relative-packages": "error",
    },
  },

  // Layering: one no-restricted-imports entry per package (README.md, Layout). Packages not in LAYERS
  // (tooling, apps/example-worker, new ones) get the shared rules; a later entry replaces these.
  {
    name: "baton/layering/any-package",
    files: PACKAGE_DIRS.map((dir) => `${dir}/*/**/*.{ts,mts,cts,js,mjs,cjs}`),
    rules: { "no-restricted-imports": ["error", { patterns: commonPatterns("") }] },
  },
  layerConfigs(),

  // Tests may pass many positional arguments and poke at untyped values; layering and cycles stay strict.
  {
    name: "baton/tests",
    files: ["**/*.test.ts", "**/test/**/*.ts", "**/*.case.ts", "**/test-support/**/*.ts"],
    rules: {
      "max-params": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },

  // Plain JavaScript (tooling scripts) is in no tsconfig: lint it without type information.
  {
    name: "baton/javascript",
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: "readonly", process: "readonly", URL: "readonly" },
    },
  },
);
