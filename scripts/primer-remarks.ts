/** `npm run primer:remarks` — copy the methods primer's formula-and-reference blocks into the library's JSDoc `@remarks`. */
import { join } from "node:path";
import { ROOT } from "./lib/notebooks";
import { updateRemarks } from "./lib/primerRemarks";
import { PRIMER_NOTEBOOK } from "../src/lib/primer/methods";

const changed = updateRemarks(join(ROOT, "notebooks", `${PRIMER_NOTEBOOK}.ipynb`), join(ROOT, "src", "lib"));
console.log(changed.length ? `@remarks updated in:\n${changed.map((f) => `  ${f}`).join("\n")}` : "@remarks already equal to the primer's blocks");
