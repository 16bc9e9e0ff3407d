// Makes sure end-to-end tests have a Chromium: Debian's (/usr/bin/chromium), one named by
// CHROMIUM_PATH, or Playwright's own — installed here only when none of those exists.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
let playwrightOwn;
try {
  playwrightOwn = chromium.executablePath();
} catch {
  playwrightOwn = undefined;
}

if (found) {
  console.log(`Using Chromium at ${found}`);
} else if (playwrightOwn && existsSync(playwrightOwn)) {
  console.log(`Using Playwright's Chromium at ${playwrightOwn}`);
} else {
  console.log("No Chromium found: installing Playwright's Chromium (needs internet)…");
  execSync("npx playwright install chromium", { stdio: "inherit" });
}
