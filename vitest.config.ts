import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Next.js resolves this to an empty module on the server; so do the tests.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    testTimeout: 30_000,
    // CI asks for a JSON report too, to print one closing summary line.
    ...(process.env.VITEST_JSON ? { reporters: ["default", "json"], outputFile: { json: process.env.VITEST_JSON } } : {}),
    hookTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["engine/**/*.ts"],
      exclude: ["**/*.test.ts", "engine/**/test-support/**"],
      reporter: ["text-summary"],
      thresholds: { lines: 90 },
    },
  },
});
