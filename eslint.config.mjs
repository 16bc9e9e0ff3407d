import path from "node:path";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

const root = import.meta.dirname;

/**
 * The folder layering: engine ← db ← server ← inngest ← app, with lib (client-safe constants and
 * schemas) beside engine. Each layer may import itself and what it lists here; components import
 * engine and lib, and from server/ and db/ only types (and Server Actions).
 */
const layers = {
  engine: [],
  lib: [],
  db: ["engine", "lib"],
  server: ["db", "engine", "lib"],
  inngest: ["server", "db", "engine", "lib"],
  app: ["components", "inngest", "server", "db", "engine", "lib"],
  components: ["engine", "lib"],
};
const typesOnlyFor = { components: ["server", "db"] };
const testOnly = ["test-support", "e2e"];

function topFolder(file) {
  const relative = path.relative(root, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? null : relative.split(path.sep)[0];
}

/** Whether an import statement brings in only types (`import type …`, or every specifier `type …`). */
function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.importKind === "type" || specifier.exportKind === "type");
}

// Resolves `@/…` and relative specifiers alike, so `../../inngest/x` is held to the same rule as `@/inngest/x`.
const importsDownward = {
  meta: { type: "problem", schema: [], messages: { upward: "{{from}}/ may not import {{to}}/ ({{rule}})." } },
  create(context) {
    const from = topFolder(context.filename);
    if (!(from in layers)) return {};
    const isTest = /\.test\.tsx?$/.test(context.filename);
    function check(node, source) {
      if (!source || typeof source.value !== "string") return;
      const specifier = source.value;
      let target;
      if (specifier.startsWith("@/")) target = path.join(root, specifier.slice(2));
      else if (specifier.startsWith(".")) target = path.resolve(path.dirname(context.filename), specifier);
      else return;
      const to = topFolder(target);
      if (!to || to === from || layers[from].includes(to)) return;
      if (isTest && testOnly.includes(to)) return;
      if (typesOnlyFor[from]?.includes(to) && (isTypeOnly(node) || (to === "server" && /\/actions$/.test(specifier)))) return;
      const allowed = [...layers[from], ...(typesOnlyFor[from] ?? []).map((layer) => `types from ${layer}`)];
      const rule = allowed.length ? `it imports only ${allowed.join(", ")}` : "it imports nothing from the app";
      context.report({ node: source, messageId: "upward", data: { from, to, rule } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "coverage/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "db/migrations/**",
      ".data/**",
    ],
  },
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration from server/env.ts (the one module that reads the environment).",
        },
      ],
    },
  },
  {
    // Tooling and tests configure themselves; the app reads the environment only in server/env.ts.
    files: ["server/env.ts", "instrumentation.ts", "*.config.*", "scripts/**", "e2e/**", "test-support/**", "bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    plugins: { layers: { rules: { "imports-downward": importsDownward } } },
    rules: { "layers/imports-downward": "error" },
  },
  {
    // engine/ is the pure core shared by browser and server: no app code (above), no IO.
    files: ["engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/*"], message: "engine/ imports nothing from the app." },
            { group: ["node:*", "fs", "net", "http", "https", "child_process"], message: "engine/ does no IO." },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (npm run format); ESLint keeps to what formatting cannot tell.
  prettier,
);
