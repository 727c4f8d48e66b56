/**
 * What a drawn plotly figure shows, read in the browser: axis titles and tick labels,
 * legend and colour-bar texts, the rendered marker positions, the hover text of one
 * point per trace (by Plotly.Fx.hover, as a reader would see it), every text box that
 * leaves the figure, and overlapping tick or point labels. figureChecks.ts judges them.
 *
 * The collector is a plain JavaScript string (evaluated in the page as is), so that no
 * transpiler helper ends up in code that runs in Chromium.
 */
import type { Page } from "playwright-core";

export interface AxisFacts {
  /** plotly's name: xaxis, yaxis2 … */
  name: string;
  /** Drawn with tick labels (map axes are hidden). */
  shown: boolean;
  type: string;
  title: string;
  ticks: string[];
  /** Px by which the title reaches in among its tick labels (0: beyond the longest, as it should be). */
  titleAmongTicks: number;
}

export interface FigureFacts {
  /** The figure div's id. */
  id: string;
  title: string;
  axes: AxisFacts[];
  legendItems: string[];
  /** Legend title and legend-group titles. */
  legendTitles: string[];
  colorbarTitles: string[];
  colorbarTicks: string[];
  /** Annotation texts (and a title's subtitle), e.g. the source line. */
  annotations: string[];
  /** Pixel positions of the drawn markers of traces a reader can hover (legend dummies and invisible scale carriers left out). */
  points: [number, number][];
  /** Point labels that cover the marker of a point other than their own (the nearest), with how many. */
  labelsOnMarkers: string[];
  /** Pixel extent [width, height] of each drawn line trace. */
  lines: [number, number][];
  /** Hover text of one point per hoverable trace, lines joined by "\n". */
  hovers: string[];
  /** Texts whose box leaves the figure (cut off), with by how much. */
  overflow: string[];
  /** Pairs of drawn texts (ticks, titles, legend, labels, notes) that overlap. */
  overlaps: string[];
  /** The plot area (px, inside the axes). */
  plot: [number, number];
  /** Share (0–1) of the plot area the legend box covers. */
  legendCover: number;
  /** Drawn width of the figure vs the width of its container (px). */
  width: number;
  containerWidth: number;
}

/** In-page: facts of one figure div (`gd`); async because hover labels are drawn after a short throttle. */
export const COLLECT_FIGURE = String.raw`async (gd) => {
  const fl = gd._fullLayout || {};
  const box = gd.getBoundingClientRect();
  const text = (el) => (el ? (el.textContent || "").replace(/\s+/g, " ").trim() : "");
  const texts = (sel) => [...gd.querySelectorAll(sel)].map(text).filter((t) => t.length > 0);
  const axes = Object.keys(fl).filter((k) => /^[xy]axis\d*$/.test(k)).sort().map((k) => {
    const ax = fl[k];
    const id = ax._id;
    // the title must lie beyond its tick labels, on the side away from the plot
    const titleEl = gd.querySelector(".g-" + id + "title text");
    const tickRects = [...gd.querySelectorAll("g." + id + "tick text")].filter((e) => text(e)).map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    let among = 0;
    if (titleEl && text(titleEl) && tickRects.length) {
      const t = titleEl.getBoundingClientRect();
      const x = id[0] === "x";
      if (x && ax.side === "top") among = t.bottom - Math.min(...tickRects.map((r) => r.top));
      else if (x) among = Math.max(...tickRects.map((r) => r.bottom)) - t.top;
      else if (ax.side === "right") among = Math.max(...tickRects.map((r) => r.right)) - t.left;
      else among = t.right - Math.min(...tickRects.map((r) => r.left));
    }
    return {
      name: k,
      shown: ax.visible !== false && ax.showticklabels !== false,
      type: ax.type,
      title: text(titleEl),
      ticks: texts("g." + id + "tick text"),
      titleAmongTicks: Math.max(0, Math.round(among)),
    };
  });
  const traceOf = (g) => (g.__data__ && g.__data__[0] ? g.__data__[0].trace : null);
  const points = [];
  const lines = [];
  for (const g of gd.querySelectorAll(".scatterlayer .trace")) {
    const t = traceOf(g);
    if (!t || t.visible !== true || t.hoverinfo === "skip" || (t.fill && t.fill !== "none")) continue;
    if (t.marker && t.marker.opacity === 0) continue;
    for (const p of g.querySelectorAll(".points path.point")) {
      const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(p.getAttribute("transform") || "");
      if (m) points.push([Number(m[1]), Number(m[2])]);
    }
    for (const l of g.querySelectorAll("path.js-line")) {
      const r = l.getBBox();
      lines.push([r.width, r.height]);
    }
  }
  // point labels against the markers of every other point (a label's own point: the marker of the same index in its
  // trace, plotly drawing one g.textpoint per point; the nearest marker when the counts differ)
  const markerEls = [...gd.querySelectorAll(".scatterlayer .trace .points path.point")];
  const markerRects = markerEls.map((p) => p.getBoundingClientRect());
  const labelsOnMarkers = [];
  for (const tr of gd.querySelectorAll(".scatterlayer .trace")) {
    const own = [...tr.querySelectorAll(".points path.point")];
    const tps = [...tr.querySelectorAll("g.textpoint")];
    tps.forEach((tp, k) => {
      const el = tp.querySelector("text");
      const s = text(el);
      const r = el ? el.getBoundingClientRect() : null;
      if (!s || !r || r.width === 0) return;
      const gap = (m) => Math.hypot(Math.max(r.left - (m.left + m.right) / 2, 0, (m.left + m.right) / 2 - r.right), Math.max(r.top - (m.top + m.bottom) / 2, 0, (m.top + m.bottom) / 2 - r.bottom));
      const mine = own.length === tps.length ? markerEls.indexOf(own[k]) : markerRects.reduce((best, m, j) => (best < 0 || gap(m) < gap(markerRects[best]) ? j : best), -1);
      const covered = markerRects.filter((m, j) => j !== mine && m.width > 0 && Math.min(m.right, r.right) - Math.max(m.left, r.left) > 1 && Math.min(m.bottom, r.bottom) - Math.max(m.top, r.top) > 1).length;
      if (covered) labelsOnMarkers.push(JSON.stringify(s) + " covers " + covered + " other point" + (covered > 1 ? "s" : ""));
    });
  }
  const hoverText = () =>
    [...gd.querySelectorAll(".hoverlayer .hovertext, .hoverlayer .axistext")]
      .map((h) => [...h.querySelectorAll("text")].map((t) => {
        const ls = [...t.querySelectorAll("tspan.line")];
        return ls.length ? ls.map((s) => s.textContent).join("\n") : t.textContent;
      }).filter((s) => s && s.trim()).join("\n"))
      .filter((s) => s.length > 0)
      .join("\n");
  const hovers = [];
  const data = gd._fullData || [];
  let tried = 0;
  for (let i = 0; i < data.length && tried < 40; i++) {
    const t = data[i];
    if (t.visible !== true || t.hoverinfo === "skip" || t.hoverinfo === "none") continue;
    if (String(t.hoveron || "").includes("fills")) {
      hovers.push(String(t.name || "").replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]+>/g, ""));
      continue;
    }
    let pn = null;
    if (t.type === "heatmap") {
      const z = t.z || [];
      for (let r = 0; r < z.length && pn === null; r++)
        for (let c = 0; c < (z[r] || []).length; c++) if (z[r][c] !== null && z[r][c] !== undefined) { pn = [r, c]; break; }
    } else {
      const ys = t.y || [], xs = t.x || [];
      for (let k = 0; k < Math.max(xs.length, ys.length); k++)
        if (xs[k] !== null && xs[k] !== undefined && ys[k] !== null && ys[k] !== undefined) { pn = k; break; }
    }
    if (pn === null) continue;
    tried++;
    await new Promise((r) => setTimeout(r, 60));
    if (Array.isArray(pn)) {
      // a heat map cell: hover at its centre (category axes count in positions)
      const cx = t.x && t.xaxis && fl[t.xaxis.replace("x", "xaxis")].type === "category" ? pn[1] : t.x ? t.x[pn[1]] : pn[1];
      const cy = t.y && t.yaxis && fl[t.yaxis.replace("y", "yaxis")].type === "category" ? pn[0] : t.y ? t.y[pn[0]] : pn[0];
      window.Plotly.Fx.hover(gd, { xval: cx, yval: cy }, (t.xaxis || "x") + (t.yaxis || "y"));
    } else window.Plotly.Fx.hover(gd, [{ curveNumber: i, pointNumber: pn }]);
    await new Promise((r) => requestAnimationFrame(() => r()));
    const h = hoverText();
    window.Plotly.Fx.unhover(gd);
    hovers.push(h);
  }
  // a text's box in screen coordinates, in its own (possibly rotated) frame
  const frame = (el) => {
    const b = el.getBBox();
    const m = el.getScreenCTM();
    if (!m || (b.width === 0 && b.height === 0)) return null;
    const at = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
    const corners = [at(b.x, b.y), at(b.x + b.width, b.y), at(b.x, b.y + b.height), at(b.x + b.width, b.y + b.height)];
    const sx = Math.hypot(m.a, m.b), sy = Math.hypot(m.c, m.d);
    return { c: at(b.x + b.width / 2, b.y + b.height / 2), u: [m.a / sx, m.b / sx], w: b.width * sx, h: b.height * sy, corners };
  };
  const overflow = [];
  for (const el of gd.querySelectorAll("svg text")) {
    if (el.closest(".hoverlayer")) continue;
    const s = text(el);
    const f = s ? frame(el) : null;
    if (!f) continue;
    // a legend clips its texts to its own box
    const inLegend = el.closest(".legend");
    const bg = inLegend ? inLegend.querySelector(".bg") : null;
    const clip = bg ? bg.getBoundingClientRect() : box;
    const cut = Math.max(...f.corners.map(([x, y]) => Math.max(clip.left - x, x - clip.right, clip.top - y, y - clip.bottom)));
    if (cut > 1) overflow.push(JSON.stringify(s) + " by " + Math.round(cut) + " px");
  }
  // every pair of drawn texts whose (possibly rotated) boxes overlap by more than 2 px: separating-axis test
  const kind = (e) => {
    const g = e.closest(".xtick, .ytick, .x2tick, .y2tick, .textpoint, .legendtext, .g-gtitle, .annotation, .g-xtitle, .g-ytitle, .colorbar, .heatmaplayer");
    return g ? (g.getAttribute("class") || "").split(" ")[0] : "text";
  };
  const texts2 = [...gd.querySelectorAll("svg text")]
    .filter((e) => !e.closest(".hoverlayer") && text(e))
    .map((e) => ({ s: text(e), k: kind(e), f: frame(e) }))
    .filter((r) => r.f);
  const project = (pts, ax) => { const v = pts.map(([x, y]) => x * ax[0] + y * ax[1]); return [Math.min(...v), Math.max(...v)]; };
  const overlaps = [];
  for (let a = 0; a < texts2.length; a++)
    for (let b = a + 1; b < texts2.length; b++) {
      const A = texts2[a].f, B = texts2[b].f;
      const axes2 = [A.u, [-A.u[1], A.u[0]], B.u, [-B.u[1], B.u[0]]];
      const apart = axes2.some((ax) => { const p = project(A.corners, ax), q = project(B.corners, ax); return Math.min(p[1], q[1]) - Math.max(p[0], q[0]) <= 2; });
      if (!apart) overlaps.push(texts2[a].k + " " + JSON.stringify(texts2[a].s) + " / " + texts2[b].k + " " + JSON.stringify(texts2[b].s));
    }
  const svg = gd.querySelector("svg.main-svg");
  const size = fl._size || { l: 0, t: 0, w: 0, h: 0 };
  const plotBox = { left: box.left + size.l, top: box.top + size.t, right: box.left + size.l + size.w, bottom: box.top + size.t + size.h };
  const lg = gd.querySelector(".legend .bg");
  let legendCover = 0;
  if (lg && size.w > 0 && size.h > 0) {
    const r = lg.getBoundingClientRect();
    const w = Math.min(r.right, plotBox.right) - Math.max(r.left, plotBox.left);
    const h = Math.min(r.bottom, plotBox.bottom) - Math.max(r.top, plotBox.top);
    legendCover = w > 0 && h > 0 ? (w * h) / (size.w * size.h) : 0;
  }
  const cbs = [...gd.querySelectorAll("g.colorbar")];
  return {
    id: gd.id,
    title: text(gd.querySelector(".g-gtitle .gtitle")),
    axes,
    legendItems: texts(".legend .traces .legendtext"),
    legendTitles: texts(".legend .legendtitletext").concat(texts(".legend .legendgrouptitletext")),
    colorbarTitles: cbs.map((c) => text(c.querySelector(".cbtitle text"))),
    colorbarTicks: cbs.flatMap((c) => [...c.querySelectorAll(".cbaxis text, .ycbtick text, .xcbtick text")].map(text)),
    annotations: texts(".annotation-text-g text").concat(texts(".gtitle-subtitle")),
    points,
    labelsOnMarkers,
    lines,
    hovers,
    overflow,
    overlaps,
    plot: [size.w, size.h],
    legendCover,
    width: svg ? svg.getBoundingClientRect().width : 0,
    containerWidth: gd.parentElement ? gd.parentElement.getBoundingClientRect().width : box.width,
  };
}`;

/** Facts of every `.plotly-figure` on the page that has been drawn. */
export async function collectFigureFacts(page: Page): Promise<FigureFacts[]> {
  return (await page.evaluate(
    `(async () => { const collect = ${COLLECT_FIGURE}; const out = []; for (const gd of document.querySelectorAll(".plotly-figure")) if (gd._fullLayout) out.push(await collect(gd)); return out; })()`,
  )) as FigureFacts[];
}
