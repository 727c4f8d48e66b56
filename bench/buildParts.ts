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

/** One command measured by bench/build.ts. */
export interface Measured {
  label: string;
  wall: number;
  cpu: number;
  cpuFrom: "/usr/bin/time" | "/proc samples";
  load: [number, number];
  parts?: Record<string, number>;
  ok: boolean;
}

/** Issue 23's targets: reproduce ≤ 45 s wall and ≤ 80 s CPU; chapter 3 on the kernel ≤ 15 s, as a module ≤ 6 s. */
const TARGETS: [RegExp, string, (r: Measured) => boolean][] = [
  [/^reproduce/, "≤ 45 s wall and ≤ 80 s CPU", (r) => r.wall <= 45 && r.cpu <= 80],
  [/^chapter 3 as a module/, "≤ 6 s", (r) => r.wall <= 6],
  [/^chapter 3 on tslab/, "≤ 15 s", (r) => r.wall <= 15],
];

/** Markdown: every command run, its target, and the CPU of reproduce's parts. */
export function buildTable(results: Measured[], r: { started: string; cpus: number; node: string }): string {
  const lines = [
    `Measured by \`npm run bench:build\` on ${r.started.slice(0, 10)}, ${r.cpus} CPUs, Node ${r.node}; nothing else running. CPU = user + system of the command and everything it started.`,
    "",
    "| command | wall s | CPU s | 1-minute load before → after | target (issue 23) |",
    "|---|---|---|---|---|",
  ];
  for (const m of results) {
    const t = TARGETS.find(([re]) => re.test(m.label));
    const verdict = t ? `${t[1]}: ${t[2](m) ? "met" : "**missed**"}` : "";
    lines.push(`| ${m.label}${m.ok ? "" : " (FAILED)"} | ${m.wall.toFixed(1)} | ${m.cpu.toFixed(1)} | ${m.load[0].toFixed(2)} → ${m.load[1].toFixed(2)} | ${verdict} |`);
  }
  const sampled = results.filter((m) => m.parts);
  const parts = [...new Set(sampled.flatMap((m) => Object.keys(m.parts!)))].sort((a, b) => (sampled[0]!.parts![b] ?? 0) - (sampled[0]!.parts![a] ?? 0));
  lines.push("", `CPU s of \`reproduce\` by part (from /proc samples every 200 ms; ${sampled.map((m) => m.label).join(", ")}):`, "");
  lines.push(`| part | ${sampled.map((_, i) => `run ${i + 1}`).join(" | ")} |`, `|---|${sampled.map(() => "---").join("|")}|`);
  for (const p of parts) lines.push(`| ${p} | ${sampled.map((m) => (m.parts![p] ?? 0).toFixed(1)).join(" | ")} |`);
  lines.push(`| sum of the parts | ${sampled.map((m) => Object.values(m.parts!).reduce((a, b) => a + b, 0).toFixed(1)).join(" | ")} |`, "");
  return lines.join("\n");
}
