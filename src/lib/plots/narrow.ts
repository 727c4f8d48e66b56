/**
 * Figures in a narrow container (a phone: under 600 px): the browser-side script that
 * figureHtml runs before drawing. Plotly neither wraps titles nor keeps a legend from
 * eating the plot, so in a narrow container the script
 * - wraps the title, its source line and long legend names at word boundaries (measured
 *   with a canvas in the figure's font),
 * - stacks title, source line and legend at the top, the legend one entry per row,
 * - grows the top margin and the figure's height by what that takes, so the plot keeps its size;
 * - cuts an equal-scale map's plot area to the map's height at that width (layout.meta.mapAspect).
 * Source "Source: …" annotations (the index charts) are wrapped too.
 * Plain JavaScript in a string: it runs in the page as is.
 */

/** Container width (px) below which a figure is laid out for a narrow screen. */
export const NARROW_BELOW = 600;

/**
 * `fitNarrow(fig, width)` → `{ data, layout, grow }`: the figure to draw and the px added to its height;
 * `refitNarrow(gd)` after drawing: x-axis titles still wider than the figure wrapped to the plot area.
 */
export const FIT_NARROW_JS = String.raw`function narrowMeasure(s, size, fam) {
  var ctx = narrowMeasure.ctx || (narrowMeasure.ctx = document.createElement("canvas").getContext("2d"));
  ctx.font = size + "px " + fam;
  return ctx.measureText(String(s).replace(/<[^>]+>/g, "")).width;
}
function narrowWrap(s, px, size, fam) {
    var out = [];
    String(s).split(/<br\s*\/?>/).forEach(function (para) {
      var line = "";
      para.split(" ").forEach(function (word) {
        var t = line ? line + " " + word : word;
        if (line && narrowMeasure(t, size, fam) > px) { out.push(line); line = word; } else line = t;
      });
      out.push(line);
    });
    return out;
}
function fitNarrow(fig, w) {
  var l = JSON.parse(JSON.stringify(fig.layout)), data = fig.data.map(function (t) { return Object.assign({}, t); });
  var fam = (l.font && l.font.family) || "Arial, sans-serif";
  var measure = function (s, size) { return narrowMeasure(s, size, fam); };
  var wrap = function (s, px, size) { return narrowWrap(s, px, size, fam); };
  var avail = w - 16, top = 10, grow = 0, xTitleLines = 0;
  var t = l.title;
  if (t && t.text) {
    var size = (t.font && t.font.size) || 15, lines = wrap(t.text, avail, size);
    t.text = lines.join("<br>");
    top += lines.length * Math.round(size * 1.35);
    if (t.subtitle && t.subtitle.text) {
      var sub = wrap(t.subtitle.text, avail, 11);
      t.subtitle.text = sub.join("<br>");
      top += sub.length * 15 + 4;
    }
  }
  // axis titles wrapped to the plot's width; category labels turned upright need height of their own
  Object.keys(l).filter(function (k) { return /^xaxis\d*$/.test(k); }).forEach(function (k) {
    var ax = l[k];
    if (ax && ax.title && ax.title.text) {
      var before = String(ax.title.text).split(/<br\s*\/?>/).length;
      var s = wrap(ax.title.text, w - 90, 14);
      ax.title.text = s.join("<br>");
      xTitleLines += s.length - before;
      grow += (s.length - before) * 18;
    }
    var id = k.replace("axis", "");
    var cats = [];
    data.forEach(function (d) { if ((d.xaxis || "x") === id && d.orientation !== "h" && Array.isArray(d.x)) d.x.forEach(function (x) { if (typeof x === "string" && cats.indexOf(x) < 0) cats.push(x); }); });
    if (ax && ax.visible !== false && cats.length) {
      var longest = Math.max.apply(null, cats.map(function (c) { return measure(c, 12); }));
      if (longest > (w - 100) / cats.length) grow += Math.max(0, longest - 40);
    }
    if (ax && ax.type === "log") {
      // minor labels (2 and 5 in each decade) help a short log axis; over more than about two decades they crowd it
      var xs = [];
      data.forEach(function (d) { if ((d.xaxis || "x") === id && Array.isArray(d.x)) d.x.forEach(function (x) { if (typeof x === "number" && x > 0) xs.push(x); }); });
      var decades = Array.isArray(ax.range) ? ax.range[1] - ax.range[0] : xs.length ? Math.log10(Math.max.apply(null, xs) / Math.min.apply(null, xs)) : 0;
      if (decades <= 2.5) ax.dtick = "D2";
    }
  });
  // source notes under the plot (the index charts) move down by the lines the x title gained, and wrap
  (l.annotations || []).forEach(function (a) {
    if (!/^Source:/.test(a.text || "")) return;
    var s = wrap(a.text, avail, 11);
    a.text = s.join("<br>");
    var more = (s.length - 1) * 14 + xTitleLines * 18;
    if (a.yshift) a.yshift -= xTitleLines * 18;
    grow += more;
    if (l.margin) l.margin.b = (l.margin.b || 60) + more;
  });

  var shown = data.filter(function (d) { return d.showlegend !== false && d.name && d.type !== "heatmap"; });
  // a map shows its legend for one entry too ("no data"): stacked above it, not over the map cut to its height
  var legend = l.showlegend === true || (l.showlegend !== false && shown.length > (l.meta && l.meta.mapAspect ? 0 : 1));
  if (legend) {
    var h = 10;
    shown.forEach(function (d) {
      var s = wrap(d.name, w - 160, 12);
      d.name = s.join("<br>");
      h += 19 + (s.length - 1) * 15;
    });
    var groups = {};
    shown.forEach(function (d) { if (d.legendgrouptitle && d.legendgroup) groups[d.legendgroup] = 1; });
    h += Object.keys(groups).length * 28;
    // a list above the plot, no wider than the plot (so that it pushes only the top margin)
    l.legend = Object.assign({}, l.legend, { orientation: "v", x: 0, xref: "paper", xanchor: "left", y: 1, yref: "paper", yanchor: "bottom", bgcolor: "rgba(255,255,255,0)", tracegroupgap: 0 });
    top += h;
  }
  var before = (l.margin && l.margin.t) || 80;
  l.margin = Object.assign({}, l.margin, { t: Math.max(top + 8, 30) });
  grow += l.margin.t - before;
  var H = (l.height || 450) + grow;
  if (l.width) delete l.width;
  l.height = H;
  if (t && t.text) {
    // the title's top line 14 px under the figure's top edge
    Object.assign(t, { x: 0, xref: "container", xanchor: "left", y: 1 - 14 / H, yref: "container", yanchor: "top", pad: { l: 8 } });
  }
  return { data: data, layout: l, grow: grow };
}
function refitNarrow(gd) {
  // after drawing, with real sizes: x titles wider than the figure wrapped to the plot area; legend names
  // wider than the figure wrapped to what is left; source notes put under the x axis's lowest text
  var P = window.Plotly, fl = gd._fullLayout, box = gd.getBoundingClientRect();
  var fam = (fl.font && fl.font.family) || "Arial, sans-serif";
  var up = {};
  Object.keys(fl).filter(function (k) { return /^xaxis\d*$/.test(k); }).forEach(function (k) {
    var ax = fl[k], el = gd.querySelector(".g-" + ax._id + "title text");
    if (!el || !ax.title || !ax.title.text) return;
    var r = el.getBoundingClientRect();
    if (r.left >= box.left - 1 && r.right <= box.right + 1) return;
    up[k + ".title.text"] = narrowWrap(String(ax.title.text).replace(/<br\s*\/?>/g, " "), fl._size.w - 8, 14, fam).join("<br>");
  });
  var lg = gd.querySelector(".legend .bg");
  var names = null, grew = 0;
  if (lg && lg.getBoundingClientRect().right > box.right + 1) {
    var room = box.right - 8 - lg.getBoundingClientRect().left - 45;
    var before = 0, after = 0;
    names = gd.data.map(function (d) {
      if (d.showlegend === false || !d.name) return d.name;
      var was = String(d.name).split(/<br\s*\/?>/).length;
      var s = narrowWrap(String(d.name).replace(/<br\s*\/?>/g, " "), room, 12, fam);
      before += 19 + (was - 1) * 15;
      after += 19 + (s.length - 1) * 15;
      return s.join("<br>");
    });
    grew = Math.max(0, after - before);
    up["margin.t"] = gd.layout.margin.t + grew;
  }
  // an equal-scale map (layout.meta.mapAspect: its height over its width) is as wide as the plot area here and less
  // tall: the plot area is cut to the map's height, so no empty band is left above and below it
  var aspect = gd.layout.meta && gd.layout.meta.mapAspect, shrink = 0;
  if (aspect > 0) shrink = Math.max(0, Math.floor(fl._size.h - fl._size.w * aspect) - 4);
  var ranges = gd.layout.meta && gd.layout.meta.mapRanges;
  if (shrink && ranges) { up["xaxis.range"] = ranges.x.slice(); up["yaxis.range"] = ranges.y.slice(); }
  var H = (gd.layout.height || box.height) - shrink;
  // the title is placed in the container's fractions (fitNarrow): 14 px under the top edge of the new height
  var ttl = gd.layout.title;
  if ((shrink || grew) && ttl && ttl.yref === "container") up["title.y"] = 1 - 14 / (H + grew);
  var first = Object.keys(up).length || shrink ? P.relayout(gd, Object.assign(up, { height: H + grew })) : Promise.resolve();
  if (grew || shrink) gd.style.height = H + grew + "px";
  return first
    .then(function () { return names ? P.restyle(gd, { name: names }) : null; })
    .then(function () {
      var notes = (gd.layout.annotations || []).map(function (a, i) { return /^Source:/.test(a.text || "") && a.yshift ? i : -1; }).filter(function (i) { return i >= 0; });
      if (!notes.length) return null;
      var f = gd._fullLayout, b = gd.getBoundingClientRect(), plotBottom = b.top + f._size.t + f._size.h, low = plotBottom;
      gd.querySelectorAll(".xtick text, .g-xtitle text").forEach(function (e) { low = Math.max(low, e.getBoundingClientRect().bottom); });
      var below = Math.ceil(low - plotBottom) + 6, set = {}, need = 0;
      notes.forEach(function (i) {
        set["annotations[" + i + "].yshift"] = -below;
        need = Math.max(need, below + 14 * String(gd.layout.annotations[i].text).split(/<br\s*\/?>/).length + 6);
      });
      var extra = Math.max(0, need - f._size.b);
      if (extra) {
        set["margin.b"] = f._size.b + extra;
        set.height = (gd.layout.height || b.height) + extra;
        gd.style.height = set.height + "px";
      }
      return P.relayout(gd, set);
    });
}`;
