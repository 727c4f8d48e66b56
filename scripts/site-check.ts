/** `npm run site:check` — open build/site in Chromium, check every page, save screenshots to build/screenshots/. */
import { buildDir } from "./lib/notebooks";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSite, pageOk } from "./lib/browser";

async function main(): Promise<void> {
  const build = buildDir();
  const reports = await checkSite(join(build, "site"), join(build, "screenshots"));
  const findings = (JSON.parse(readFileSync(join(build, "findings.json"), "utf8")) as unknown[]).length;
  let ok = true;
  for (const r of reports) {
    const fine = pageOk(r) && (r.findingRows === undefined || r.findingRows === findings);
    ok &&= fine;
    console.log(
      `${fine ? "ok  " : "FAIL"} ${r.page}: ${r.renderedFigures}/${r.figures} figures rendered${r.findingRows !== undefined ? `, ${r.findingRows}/${findings} findings listed` : ""}${
        r.consoleErrors.length ? `, console errors: ${r.consoleErrors.join(" | ")}` : ""
      } → ${r.screenshot}`,
    );
    for (const c of [...r.checks, ...r.figureChecks]) console.log(`     ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
  }
  if (!ok) process.exitCode = 1;
}

main();
