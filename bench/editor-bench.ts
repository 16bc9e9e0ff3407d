import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { WorkflowGraph } from "@/engine";
import { largeWorkflowGraph } from "@/e2e/fixtures/editor-large-graph";
import { createOrganization } from "@/server/organizations/create-organization";
import { hashToken } from "@/server/crypto/tokens";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { startProductionServer } from "@/test-support/load/production-server";
import { benchServerOptions } from "./bench-utils";

export type EditorRow = {
  nodes: number;
  /** Median over the runs: navigation start → every node of the workflow in the DOM and visible. */
  openMs: number;
  /** Frames drawn per second while dragging the canvas for about two seconds. */
  panFps: number;
};

export type EditorBench = { rows: EditorRow[]; editorRouteJsGzipKb: number; editorRouteJsFiles: number };

const PORT = Number(process.env.BENCH_PORT ?? 3900) + 10;
const baseUrl = `http://127.0.0.1:${PORT}`;
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

async function openAndWait(page: Page, url: string, nodes: number) {
  const started = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(
    (count) => {
      const rendered = document.querySelectorAll('[data-testid="workflow-node"]');
      return rendered.length >= count && (rendered[rendered.length - 1] as HTMLElement).offsetParent !== null;
    },
    nodes,
    { timeout: 60_000, polling: "raf" },
  );
  return performance.now() - started;
}

/** Drags the empty canvas back and forth while counting animation frames in the page. */
async function panFramesPerSecond(page: Page) {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("The canvas is not on the page");
  // A string, not a function: tsx would wrap a function's inner helpers in its own `__name`.
  await page.evaluate(`(() => {
    const state = { frames: 0, running: true };
    window.__panFrames = state;
    const tick = () => { state.frames += 1; if (state.running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const y = pane.y + pane.height / 2;
  const x = pane.x + 24;
  const started = performance.now();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 0; step < 120; step++) {
    const offset = Math.sin((step / 120) * Math.PI * 2) * 300;
    await page.mouse.move(x + 200 + offset, y + offset / 3);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const seconds = (performance.now() - started) / 1000;
  const frames = await page.evaluate<number>(`(() => { window.__panFrames.running = false; return window.__panFrames.frames; })()`);
  return Math.round(frames / seconds);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Opens generated 200- and 500-step workflows in headless Chromium against the production build,
 * signed in through a database session, and sums the gzipped JavaScript the editor route loads.
 */
export async function benchEditor(options: { sizes: number[]; runs: number }): Promise<EditorBench> {
  const dataDir = path.resolve(".data/bench-editor");
  rmSync(dataDir, { recursive: true, force: true });
  const encryptionKey = randomBytes(32);
  const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  const [user] = await database.db.insert(users).values({ email: "editor-bench@example.test", name: "Bench" }).returning();
  const organization = await createOrganization(database.db, { name: "Bench", ownerUserId: user!.id }, encryptionKey);
  const sessionToken = randomBytes(24).toString("hex");
  // Sessions are stored by the hash of the token the cookie carries (server/auth/hashed-session-adapter.ts).
  await database.db
    .insert(sessions)
    .values({ sessionToken: hashToken(sessionToken), userId: user!.id, expires: new Date(Date.now() + 86_400_000) });
  const workflowIds = new Map<number, string>();
  for (const size of options.sizes) {
    const graph = largeWorkflowGraph(size) as unknown as WorkflowGraph;
    const workflow = await createWorkflow(database.db, {
      organizationId: organization.id,
      name: `${size} steps`,
      graph,
      createdByUserId: user!.id,
    });
    workflowIds.set(size, workflow.id);
  }
  await database.close();

  const server = await startProductionServer(
    PORT,
    {
      ENCRYPTION_KEY: encryptionKey.toString("base64"),
      AUTH_SECRET: randomBytes(24).toString("base64"),
      APP_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
    },
    benchServerOptions(),
  );
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: "authjs.session-token", value: sessionToken, url: baseUrl }]);
    const page = await context.newPage();
    // Warm the server (first compile of each route's data) so the first sample is not an outlier.
    await openAndWait(page, `${baseUrl}/workflows/${workflowIds.get(options.sizes[0]!)}`, options.sizes[0]!);

    const rows: EditorRow[] = [];
    for (const size of options.sizes) {
      const url = `${baseUrl}/workflows/${workflowIds.get(size)}`;
      const samples: number[] = [];
      for (let run = 0; run < options.runs; run++) samples.push(await openAndWait(page, url, size));
      rows.push({ nodes: size, openMs: Math.round(median(samples)), panFps: await panFramesPerSecond(page) });
    }

    // A fresh context (empty cache) records every script the editor route loads.
    const cold = await browser.newContext();
    await cold.addCookies([{ name: "authjs.session-token", value: sessionToken, url: baseUrl }]);
    const coldPage = await cold.newPage();
    const scripts = new Map<string, number>();
    const reading: Promise<void>[] = [];
    coldPage.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      reading.push(
        response.body().then(
          (body) => void scripts.set(response.url(), gzipSync(body, { level: 9 }).length),
          () => {},
        ),
      );
    });
    await openAndWait(coldPage, `${baseUrl}/workflows/${workflowIds.get(options.sizes[0]!)}`, options.sizes[0]!);
    await coldPage.waitForLoadState("networkidle");
    // Count every script, including those whose bodies were still being read at network idle.
    await Promise.all(reading);
    const bytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    return { rows, editorRouteJsGzipKb: Math.round(bytes / 1024), editorRouteJsFiles: scripts.size };
  } finally {
    await browser.close();
    await server.stop();
  }
}
