/**
 * `node --import tsx bench/chapterModule.ts <notebook>` — run one chapter notebook as a module (the tests' runner,
 * scripts/lib/nbmodule.ts) and exit 0 when every cell ran; bench/build.ts times it.
 */
import { join } from "node:path";
import { runAsModule } from "../scripts/lib/nbmodule";

const name = process.argv[2] ?? "03-structures";
runAsModule(join(__dirname, "..", "notebooks", `${name}.ipynb`))
  .then((r) => {
    console.log(`${name} as a module: ${r.ok ? "ok" : "FAILED"}, ${r.findings.length} findings`);
    process.exitCode = r.ok ? 0 : 1;
  })
  .catch((e: Error) => {
    console.error(`${name} as a module failed: ${e.message}`);
    process.exitCode = 1;
  });
