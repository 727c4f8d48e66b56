/**
 * The parts of a `reproduce` run that bench/build.ts charges CPU to, told from /proc's command lines.
 */

/** A process as /proc shows it: parent, CPU seconds so far, command line (arguments joined by spaces). */
export interface Proc {
  ppid: number;
  cpu: number;
  cmd: string;
}

/** The part of the build a process belongs to, from its command line and its parent's. */
export function partOf(pid: number, procs: Map<number, Proc>): string {
  const p = procs.get(pid)!;
  const module = /\.module-(\d\d-[a-z-]+?)-\d+-/.exec(p.cmd);
  if (module) return `module run ${module[1]} (sensitivity)`;
  const notebook = (cmd: string): string | undefined => /notebooks-input\/([\w-]+)\.ipynb/.exec(cmd)?.[1];
  if (/tslab kernel/.test(p.cmd)) {
    const parent = procs.get(p.ppid);
    return `kernel ${(parent && notebook(parent.cmd)) ?? "?"}`;
  }
  if (/run_notebook\.py/.test(p.cmd)) return "Jupyter runner (run_notebook.py)";
  if (/nbconvert/.test(p.cmd)) return "site: nbconvert";
  if (/typedoc/.test(p.cmd)) return "site: TypeDoc";
  if (/scripts\/reproduce\.ts/.test(p.cmd)) return "reproduce (data checks, findings, site)";
  return "other";
}
