// npm run bench — measures the hot path and prints a table; writes bench/results/<date>.json.
// Needs a production build (`npm run build`) and, for the PostgreSQL rows, a server at
// BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); set BENCH_QUICK=1 for a short run.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { benchEditor } from "./editor-bench";
import { benchEngine } from "./engine-bench";
import { benchMatching } from "./matching-bench";
import { benchPipeline } from "./pipeline-bench";

const quick = process.env.BENCH_QUICK === "1";
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const skipPostgres = process.env.BENCH_SKIP_POSTGRES === "1";
const skipPglite = process.env.BENCH_SKIP_PGLITE === "1";
const seconds = quick ? 5 : 15;
// Fixed concurrency levels (as fast as they go), then a steady 500 requests/s for the latency target.
const levels = [...(quick ? [10, 50] : [10, 50, 200]).map((connections) => ({ connections })), { connections: 50, rate: 500 }];
const parts = new Set((process.env.BENCH_PARTS ?? "engine,matching,pipeline,editor").split(","));

const engine = parts.has("engine") ? await benchEngine([10, 100, 500]) : [];
console.log("\nEngine (median per call)");
console.table(engine.map((row) => ({ nodes: row.nodes, "validate µs": row.validateMicros, "walk µs": row.walkMicros })));

const matching = !parts.has("matching")
  ? []
  : [
      ...(await benchMatching({ database: "pglite", counts: quick ? [1, 100, 1_000] : [1, 100, 10_000], postgresUrl })),
      ...(skipPostgres
        ? []
        : await benchMatching({ database: "postgres", counts: quick ? [1, 100, 1_000] : [1, 100, 10_000], postgresUrl })),
    ];
console.log("\nMatching one event (median)");
console.table(
  matching.map((row) => ({
    database: row.database,
    "non-matching workflows": row.nonMatching,
    µs: row.medianMicros,
    matched: row.matched,
  })),
);

const pipeline = !parts.has("pipeline")
  ? []
  : [
      ...(skipPostgres ? [] : await benchPipeline({ database: "postgres", levels, seconds, postgresUrl })),
      ...(skipPglite ? [] : await benchPipeline({ database: "pglite", levels, seconds, postgresUrl })),
    ];
console.log(`\nPipeline: POST /api/v1/events → run → webhook (${seconds} s per level)`);
console.table(
  pipeline.map((row) => ({
    database: row.database,
    load: row.rate ? `${row.rate} req/s` : `${row.concurrency} conns`,
    "ingest req/s": row.ingestRps,
    "p50 ms": row.p50,
    "p97.5 ms": row.p975,
    "p99 ms": row.p99,
    "runs/s": row.runsPerSecond,
    "drain s": row.drainSeconds,
    "delivered/accepted": `${row.delivered}/${row.accepted}`,
    duplicates: row.duplicates,
    "failed runs": row.failedRuns ?? "—",
    "tx/run": row.transactionsPerRun ?? "—",
    "CPU ms/run app": row.serverCpuMsPerRun ?? "—",
    "CPU ms/run PG": row.postgresCpuMsPerRun ?? "—",
    errors: row.errors + row.non2xx,
    "KB per 1k runs": row.bytesPerThousandRuns === null ? "—" : Math.round(row.bytesPerThousandRuns / 1024),
  })),
);

for (const row of pipeline)
  if (row.firstFailure) console.log(`${row.database} ${row.concurrency} conns: a run failed with "${row.firstFailure}"`);

const editor = parts.has("editor") ? await benchEditor({ sizes: [200, 500], runs: quick ? 1 : 3 }) : null;
if (editor) {
  console.log("\nEditor (headless Chromium, production build)");
  console.table(editor.rows.map((row) => ({ steps: row.nodes, "open → all visible ms": row.openMs, "pan fps": row.panFps })));
  console.log(`Editor route JavaScript: ${editor.editorRouteJsGzipKb} KB gzipped in ${editor.editorRouteJsFiles} files`);
}

const directory = path.resolve("bench/results");
mkdirSync(directory, { recursive: true });
const file = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, seconds, engine, matching, pipeline, editor }, null, 2));
console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
