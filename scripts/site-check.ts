/** `npm run site:check` — open build/site in Chromium, check every page, save screenshots to build/screenshots/. */
import { buildDir } from "./lib/notebooks";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSite } from "./lib/browser";

async function main(): Promise<void> {
  const build = buildDir();
  const reports = await checkSite(join(build, "site"), join(build, "screenshots"));
  const findings = (JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as unknown[]).length;
  let ok = true;
  for (const r of reports) {
    const fine = r.renderedFigures === r.figures && r.consoleErrors.length === 0 && (r.findingRows === undefined || r.findingRows === findings);
    ok &&= fine;
    console.log(
      `${fine ? "ok  " : "FAIL"} ${r.page}: ${r.renderedFigures}/${r.figures} figures rendered${r.findingRows !== undefined ? `, ${r.findingRows}/${findings} findings listed` : ""}${r.consoleErrors.length ? `, console errors: ${r.consoleErrors.join(" | ")}` : ""} → ${r.screenshot}`,
    );
  }
  if (!ok) process.exitCode = 1;
}

main();
