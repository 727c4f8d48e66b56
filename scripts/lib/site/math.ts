/**
 * TeX formulas of the methods primer as MathML, which Chromium, Firefox and Safari draw natively: the site stays
 * offline (no MathJax or KaTeX) and a formula reads as mathematics, not as TeX source. Only the small subset
 * of TeX the primer writes is read (fractions, roots, sub- and superscripts, sums, accents, braces, Greek letters,
 * relations, spacing, \left…\right, \text, \mathrm, \underbrace); anything else becomes a visible <merror>, which
 * tests/site/math.test.ts refuses for every formula of the primer.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeEntities } from "./notebookPage";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const SYMBOLS: Record<string, string> = {
  cdot: "·", le: "≤", ge: "≥", leq: "≤", geq: "≥", in: "∈", setminus: "∖", subseteq: "⊆", times: "×", pm: "±",
  infty: "∞", ast: "*", to: "→", "#": "#", "%": "%", "{": "{", "}": "}", "|": "‖", ldots: "…", dots: "…", neq: "≠", approx: "≈",
};
const IDENTIFIERS: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", varepsilon: "ε", epsilon: "ϵ", rho: "ρ", sigma: "σ", mu: "μ",
  Delta: "Δ", Sigma: "Σ", pi: "π", lambda: "λ", theta: "θ",
};
const SPACES: Record<string, string> = { quad: "1em", qquad: "2em", ",": "0.1667em", ";": "0.2778em", " ": "0.25em", ":": "0.2222em" };
const FUNCTIONS = new Set(["ln", "log", "exp", "min", "max"]);
const LARGE = new Set(["sum"]);

interface Node {
  xml: string;
  /** Scripts go under/over it (munder) rather than beside it. */
  under?: boolean;
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string {
    return this.s[this.i] ?? "";
  }
  skip(): void {
    while (/\s/.test(this.peek())) this.i += 1;
  }
  command(): string {
    this.i += 1; // the backslash
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i));
    const name = m ? m[0] : this.s[this.i] ?? "";
    this.i += name.length;
    return name;
  }
  /** A {…} group's raw text (for \text and \mathrm). */
  raw(): string {
    this.skip();
    if (this.peek() !== "{") return this.s[this.i++] ?? "";
    let depth = 0;
    const start = this.i + 1;
    for (; this.i < this.s.length; this.i += 1) {
      if (this.s[this.i] === "{") depth += 1;
      else if (this.s[this.i] === "}" && --depth === 0) break;
    }
    this.i += 1;
    return this.s.slice(start, this.i - 1);
  }
}

const row = (nodes: Node[]): string => (nodes.length === 1 ? nodes[0]!.xml : `<mrow>${nodes.map((n) => n.xml).join("")}</mrow>`);

/** One argument: a {group} or the next single atom. */
function argument(r: Reader): string {
  r.skip();
  if (r.peek() === "{") {
    r.i += 1;
    const inner = sequence(r, "}");
    r.i += 1;
    return row(inner);
  }
  return atom(r)?.xml ?? "<mrow></mrow>";
}

function atom(r: Reader): Node | undefined {
  r.skip();
  const c = r.peek();
  if (c === "" || c === "}") return undefined;
  if (c === "{") return { xml: argument(r) };
  if (c === "\\") {
    const name = r.command();
    if (name === "frac" || name === "tfrac" || name === "dfrac") return { xml: `<mfrac>${argument(r)}${argument(r)}</mfrac>` };
    if (name === "sqrt") return { xml: `<msqrt>${argument(r)}</msqrt>` };
    if (name === "text") return { xml: `<mtext>${esc(r.raw()).replace(/^ | $/g, "\u00a0")}</mtext>` };
    if (name === "mathrm" || name === "operatorname") return { xml: `<mi mathvariant="normal">${esc(r.raw())}</mi>` };
    if (name === "widehat" || name === "hat") return { xml: `<mover accent="true">${argument(r)}<mo>^</mo></mover>` };
    if (name === "bar") return { xml: `<mover accent="true">${argument(r)}<mo>¯</mo></mover>` };
    if (name === "underbrace") return { xml: `<munder>${argument(r)}<mo>⏟</mo></munder>`, under: true };
    if (name === "left" || name === "right") {
      r.skip();
      const d = r.peek() === "\\" ? SYMBOLS[r.command()] ?? "" : r.s[r.i++] ?? "";
      return d === "." ? { xml: "" } : { xml: `<mo>${esc(d)}</mo>` };
    }
    if (name in SPACES) return { xml: `<mspace width="${SPACES[name]}"></mspace>` };
    if (name in SYMBOLS) return { xml: `<mo>${esc(SYMBOLS[name]!)}</mo>` };
    if (name in IDENTIFIERS) return { xml: `<mi>${IDENTIFIERS[name]}</mi>` };
    if (FUNCTIONS.has(name)) return { xml: `<mi>${name}</mi>` };
    if (LARGE.has(name)) return { xml: `<mo largeop="true">∑</mo>`, under: true };
    return { xml: `<merror><mtext>\\${esc(name)}</mtext></merror>` };
  }
  r.i += 1;
  if (/[0-9.]/.test(c)) {
    let n = c;
    while (/[0-9.]/.test(r.peek())) n += r.s[r.i++];
    return { xml: `<mn>${n}</mn>` };
  }
  if (/[A-Za-z]/.test(c)) return { xml: `<mi>${c}</mi>` };
  if (c === "-") return { xml: "<mo>−</mo>" };
  if (c === "*") return { xml: "<mo>*</mo>" };
  return { xml: `<mo>${esc(c)}</mo>` };
}

/** Atoms with their sub- and superscripts, up to `stop` or the end. */
function sequence(r: Reader, stop: string): Node[] {
  const out: Node[] = [];
  for (;;) {
    r.skip();
    if (r.peek() === "" || r.peek() === stop) return out;
    const base = atom(r) ?? { xml: "<mrow></mrow>" };
    let sub: string | undefined;
    let sup: string | undefined;
    for (;;) {
      r.skip();
      if (r.peek() === "_" && sub === undefined) (r.i += 1), (sub = argument(r));
      else if (r.peek() === "^" && sup === undefined) (r.i += 1), (sup = argument(r));
      else break;
    }
    const b = base.xml || "<mrow></mrow>";
    if (base.under) out.push({ xml: sub && sup ? `<munderover>${b}${sub}${sup}</munderover>` : sub ? `<munder>${b}${sub}</munder>` : sup ? `<mover>${b}${sup}</mover>` : b });
    else out.push({ xml: sub && sup ? `<msubsup>${b}${sub}${sup}</msubsup>` : sub ? `<msub>${b}${sub}</msub>` : sup ? `<msup>${b}${sup}</msup>` : b });
  }
}

/**
 * A TeX formula (the primer's subset) as MathML.
 * @example texToMathml("x_{t_0}", false); // '<math><msub><mi>x</mi><msub><mi>t</mi><mn>0</mn></msub></msub></math>'
 */
export function texToMathml(tex: string, display: boolean): string {
  const r = new Reader(tex);
  const nodes = sequence(r, "\u0000");
  return `<math${display ? ' display="block"' : ""}>${nodes.length === 1 ? nodes[0]!.xml : `<mrow>${nodes.map((n) => n.xml).join("")}</mrow>`}</math>`;
}

/**
 * Every $$…$$ (display) and $…$ (inline) formula of a page's text as MathML; text inside <pre>, <code>, <script>
 * and <style> is left alone (code uses $ too).
 */
export function renderMath(html: string): string {
  return html
    .split(/(<(pre|code|script|style)\b[\s\S]*?<\/\2>)/)
    .map((part, k) => {
      // split with a capture group: [text, whole match, tag name, text, …]
      if (k % 3 === 1) return part;
      if (k % 3 === 2) return "";
      return part
        .replace(/\$\$([\s\S]+?)\$\$/g, (_, t: string) => texToMathml(decodeEntities(t), true))
        .replace(/\$([^$<\n]+?)\$/g, (_, t: string) => texToMathml(decodeEntities(t), false));
    })
    .join("");
}

/**
 * The formulas of a TypeDoc page's "Remarks" section (the primer's blocks, src/lib/primer) as MathML. TypeDoc's
 * Markdown has read some TeX subscripts as emphasis (`_{ij} … _` → `<em>{ij} … </em>`): inside a formula those tags
 * are underscores again. Text outside the Remarks section is left alone.
 * @example renderRemarksMath('<div class="tsd-tag-remarks"><p>$$x<em>{i} + y</em>{j}$$</p></div>'); // x_{i} + y_{j} as MathML
 */
export function renderRemarksMath(html: string): string {
  return html.replace(/(<div class="tsd-tag-remarks">)([\s\S]*?)(<\/div>)/g, (_, open: string, body: string, close: string) => {
    const tex = (t: string): string => decodeEntities(t.replace(/<\/?em>/g, "_"));
    const out = body
      .replace(/\$\$([\s\S]+?)\$\$/g, (_m, t: string) => texToMathml(tex(t), true))
      .replace(/\$([^$\n]+?)\$/g, (_m, t: string) => texToMathml(tex(t), false));
    // TypeDoc's style sheet knows no MathML: a wide formula scrolls inside itself on a phone
    return open + out.replace(/<math display="block">/g, '<math display="block" style="display:block;overflow-x:auto;max-width:100%">') + close;
  });
}

/** renderRemarksMath over every page of a TypeDoc output folder that has a Remarks section; returns the pages changed. */
export function renderApiMath(dir: string): number {
  let changed = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) {
        const html = readFileSync(p, "utf8");
        if (!html.includes('class="tsd-tag-remarks"')) continue;
        const out = renderRemarksMath(html);
        if (out !== html) (writeFileSync(p, out), (changed += 1));
      }
    }
  };
  walk(dir);
  return changed;
}
