/**
 * Papermill-style parameter injection for TypeScript notebooks: after the
 * code cell tagged `parameters` (which defines `const params = {...}`), insert
 * a cell tagged `injected-parameters` that sets the run's values on it (and
 * ends with `void 0;`, so the kernel echoes no value), and record them in the
 * notebook metadata.
 */
import type { RunParameters } from "../../src/lib/params";

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] } & Record<string, unknown>;
  [k: string]: unknown;
}
interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  [k: string]: unknown;
}

/** The injected cell's last line: its value is undefined, so the kernel shows no output. */
export const INJECTED_LAST_LINE = "void 0;";

/**
 * @param nb a notebook (nbformat 4 JSON)
 * @param params the full run parameters (all keys are assigned, so the run is explicit)
 * @returns a copy with the injected cell and `metadata.innlandet.parameters`
 * @throws Error when the notebook has no cell tagged `parameters`
 */
export function injectParameters(nb: Notebook, params: RunParameters): Notebook {
  const i = nb.cells.findIndex((c) => c.cell_type === "code" && (c.metadata?.tags ?? []).includes("parameters"));
  if (i < 0) throw new Error("the notebook has no code cell tagged 'parameters'");
  const source = [
    "// Injected by npm run reproduce (run parameters)",
    ...Object.entries(params).map(([k, v]) => `params.${k} = ${JSON.stringify(v)};`),
    // tslab prints the value of a cell's last expression (here the last assignment's); end on nothing
    INJECTED_LAST_LINE,
  ].join("\n");
  const injected: Cell = {
    cell_type: "code",
    execution_count: null,
    id: "injected-parameters",
    metadata: { tags: ["injected-parameters"] },
    outputs: [],
    source,
  };
  const cells = [...nb.cells.slice(0, i + 1), injected, ...nb.cells.slice(i + 1)];
  const meta = { ...(nb.metadata ?? {}), innlandet: { ...((nb.metadata?.["innlandet"] as object) ?? {}), parameters: params } };
  return { ...nb, cells, metadata: meta };
}
