/** `npm run build:lib` — compile src/lib into dist/lib (what notebooks import as ./lib/index) when a source is newer. */
import { ensureLibBuilt } from "./lib/buildLib";

ensureLibBuilt((s) => console.log(s))
  .then((built) => console.log(built ? "dist/lib is up to date (rebuilt)" : "dist/lib is up to date"))
  .catch((e: Error) => {
    console.error(`build:lib failed: ${e.message}`);
    process.exit(1);
  });
