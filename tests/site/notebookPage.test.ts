import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanNotebook, headings, notebookTitles, stripPlotlyLoader, tocHtml, type NbJson } from "../../scripts/lib/site/notebookPage";
import { plotlyLoaderHtml } from "../../src/lib/plots/plotly";
import { syntheticFindings, writeSyntheticBuild } from "./synthetic";

function syntheticNotebook(): NbJson {
  const build = mkdtempSync(join(tmpdir(), "innlandet-site-nb-"));
  writeSyntheticBuild(build, syntheticFindings());
  return JSON.parse(readFileSync(join(build, "notebooks", "03-synthetic.ipynb"), "utf8")) as NbJson;
}

describe("cleanNotebook", () => {
  const nb = syntheticNotebook();
  const clean = cleanNotebook(nb);
  const outputsOf = (n: NbJson, i: number) => n.cells[i]!.outputs ?? [];

  it("drops the injected-parameters echo", () => {
    expect(outputsOf(nb, 2)).toHaveLength(1); // "both\n", as tslab printed it before inject.ts ended the cell on `void 0;`
    expect(outputsOf(clean, 2)).toEqual([]);
  });

  it("drops tslab's echo of a returned finding but keeps the card and the emitted finding", () => {
    // cell 5: per chapter-3 finding a card (text/html), the finding (its MIME type) and the echo (stdout)
    const n = syntheticFindings().filter((f) => f.notebook === "03-synthetic.ipynb").length;
    expect(outputsOf(nb, 5)).toHaveLength(3 * n);
    expect(outputsOf(clean, 5)).toHaveLength(2 * n);
    expect(outputsOf(clean, 5).some((o) => o.output_type === "stream")).toBe(false);
  });

  it("keeps every other output and leaves the input unchanged", () => {
    expect(outputsOf(clean, 7)).toEqual(outputsOf(nb, 7)); // KEEP_THIS_OUTPUT
    expect(outputsOf(clean, 4)).toEqual(outputsOf(nb, 4)); // the figure
    expect(outputsOf(nb, 2)).toHaveLength(1);
  });
});

describe("titles and contents", () => {
  it("reads the chapter title and the § headings from the markdown", () => {
    expect(notebookTitles(syntheticNotebook())).toEqual({
      title: "A synthetic chapter",
      sections: { "3.1": ["The first synthetic section"], "3.3.2": ["A synthetic subsection"] },
    });
  });

  it("reads nbconvert's headings as plain text, without the anchor mark", () => {
    const html =
      '<h1 id="Top">Top<a class="anchor-link" href="#Top">&#182;</a></h1><p>x</p>' +
      '<h2 id="a-b">&#167;3.1 Caf&#233; &amp; <code>x</code><a class="anchor-link" href="#a-b">&#182;</a></h2>' +
      '<h4 id="deep">too deep</h4><h3 id="c">C</h3>';
    expect(headings(html)).toEqual([
      { level: 1, id: "Top", text: "Top" },
      { level: 2, id: "a-b", text: "§3.1 Café & x" },
      { level: 3, id: "c", text: "C" },
    ]);
    expect(tocHtml(headings(html))).toBe(
      '<nav class="toc" aria-label="contents"><details class="toc-fold" open><summary><h2>Contents</h2></summary><ul>' +
        '<li class="toc-0"><a href="#Top">Top</a></li><li class="toc-1"><a href="#a-b">§3.1 Café &amp; x</a></li><li class="toc-2"><a href="#c">C</a></li>' +
        "</ul></details></nav>",
    );
    expect(tocHtml([])).toBe("");
  });

  it("links a heading whose id holds an entity once escaped (the §4.2 R&D anchor)", () => {
    // nbconvert writes the id "§4.2-R&D" percent-encoded, with its & as &amp; in the attribute
    const html = '<h2 id="%C2%A74.2-R&amp;D">&#167;4.2 R&amp;D<a class="anchor-link" href="#%C2%A74.2-R&amp;D">&#182;</a></h2>';
    expect(headings(html)).toEqual([{ level: 2, id: "%C2%A74.2-R&D", text: "§4.2 R&D" }]);
    expect(tocHtml(headings(html))).toContain('<a href="#%C2%A74.2-R&amp;D">§4.2 R&amp;D</a>');
    expect(tocHtml(headings(html))).not.toContain("&amp;amp;");
  });

  it("removes the inline copies of plotly.js", () => {
    expect(stripPlotlyLoader(`<p>a</p>${plotlyLoaderHtml()}<p>b</p>${plotlyLoaderHtml()}`)).toBe("<p>a</p><p>b</p>");
  });
});
