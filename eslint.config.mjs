import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const appLayers = ["app", "components", "server", "db", "inngest"];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**", ".data/**"] },
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from server/env.ts (the one module that reads the environment)." },
      ],
    },
  },
  {
    // Tooling and tests configure themselves; the app reads the environment only in server/env.ts.
    files: ["server/env.ts", "instrumentation.ts", "*.config.*", "scripts/**", "e2e/**", "test-support/**", "bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // engine/ is the pure core shared by browser and server: no app code, no IO.
    files: ["engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/*"], message: "engine/ imports nothing from the app." },
            { group: appLayers.flatMap((layer) => [`**/${layer}/**`, `../${layer}`, `../../${layer}`]), message: "engine/ imports nothing from the app." },
            { group: ["node:*", "fs", "net", "http", "https", "child_process"], message: "engine/ does no IO." },
          ],
        },
      ],
    },
  },
  {
    // db/ is the bottom layer.
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/server/*", "@/app/*", "@/components/*", "@/inngest/*"], message: "db/ imports nothing above it." }] },
      ],
    },
  },
  {
    // Components may import types from server/, never server code — except Server Actions,
    // which Next.js turns into calls to the server.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/(server|db)/(?!.*/actions$)", allowTypeImports: true, message: "Components import only types from server/ and db/." }] },
      ],
    },
  },
);
