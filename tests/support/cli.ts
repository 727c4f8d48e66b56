/**
 * The check every generated CLI argument vector must pass: the parser returns a command (counted by
 * its kind) or throws a one-line CliArgumentError with exit code 2 — never any other exception.
 */
import { expect } from "vitest";
import { CliArgumentError } from "../../src/lib/ssb/cli";

export function argOutcome<C extends { kind: string }>(parse: (argv: string[]) => C, argv: string[], counts: Record<string, number>): C | CliArgumentError {
  try {
    const r = parse(argv);
    counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    return r;
  } catch (e) {
    if (!(e instanceof CliArgumentError)) throw new Error(`argv ${JSON.stringify(argv)} threw ${String(e)}`);
    expect(e.exitCode).toBe(2);
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/\n/);
    counts["refused"] = (counts["refused"] ?? 0) + 1;
    return e;
  }
}
