// The findings index: filter by verdict, chapter, kind and fragility, search by words (every word must occur in
// the row's text; accents ignored and ø/æ/å folded, so "gjovik" finds "Gjøvik"; "rule:ID" matches the rule), open
// all notes, follow anchors (a hidden target row clears the filter), click a mark of the deviation chart; the filter
// bar sticks under the site's header at the header's height.
// The filter lives in the address (?verdict=a,b&chapter=3&kind=claim&fragile=1&q=words), so a filtered list can be
// linked; the number beside each verdict counts the rows the other filters let through.
(function () {
  "use strict";
  var norm = function (s) {
    return (s || "")
      .toLowerCase()
      .replace(/ø/g, "o")
      .replace(/æ/g, "ae")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  };
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings tr.finding"));
  var texts = rows.map(function (r) {
    return norm(r.textContent);
  });
  var form = document.getElementById("filters");
  if (!form) return;
  var verdicts = Array.prototype.slice.call(form.querySelectorAll('input[name="verdict"]'));
  var chapter = document.getElementById("f-chapter");
  var kind = document.getElementById("f-kind");
  var fragile = document.getElementById("f-fragile");
  var search = document.getElementById("f-search");
  var count = document.getElementById("visible-count");
  var none = document.getElementById("no-match");
  var chipCounts = {};
  form.querySelectorAll(".chip-count").forEach(function (el) {
    chipCounts[el.getAttribute("data-verdict")] = el;
  });

  // every filter but the verdict's
  function passesOthers(r, i, words) {
    return (
      (!chapter.value || r.dataset.chapter === chapter.value) &&
      (!kind.value || r.dataset.kind === kind.value) &&
      (!fragile.checked || r.dataset.fragile === "1") &&
      words.every(function (w) {
        return w.indexOf("rule:") === 0 ? norm(r.dataset.rule) === w.slice(5) : texts[i].indexOf(w) >= 0;
      })
    );
  }

  function state() {
    var p = new URLSearchParams();
    var off = verdicts.filter(function (c) {
      return !c.checked;
    });
    if (off.length)
      p.set(
        "verdict",
        verdicts
          .filter(function (c) {
            return c.checked;
          })
          .map(function (c) {
            return c.value;
          })
          .join(","),
      );
    if (chapter.value) p.set("chapter", chapter.value);
    if (kind.value) p.set("kind", kind.value);
    if (fragile.checked) p.set("fragile", "1");
    if (search.value) p.set("q", search.value);
    return p.toString();
  }

  function apply(keepUrl) {
    var on = {};
    verdicts.forEach(function (c) {
      on[c.value] = c.checked;
    });
    var words = norm(search.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    var per = {};
    rows.forEach(function (r, i) {
      var others = passesOthers(r, i, words);
      if (others) per[r.dataset.verdict] = (per[r.dataset.verdict] || 0) + 1;
      var ok = others && on[r.dataset.verdict];
      r.hidden = !ok;
      if (ok) shown++;
    });
    Object.keys(chipCounts).forEach(function (v) {
      chipCounts[v].textContent = String(per[v] || 0);
    });
    document.querySelectorAll("#findings tbody.section").forEach(function (b) {
      b.hidden = !b.querySelector("tr.finding:not([hidden])");
    });
    document.querySelectorAll("#findings section.chapter").forEach(function (s) {
      s.hidden = !s.querySelector("tr.finding:not([hidden])");
    });
    count.textContent = shown + " of " + rows.length + " findings shown";
    none.style.display = shown === 0 ? "block" : "none";
    if (!keepUrl && window.history && history.replaceState) {
      var q = state();
      try {
        history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
      } catch (e) {
        // a file:// page in some browsers: the filter still works, the address just does not follow
      }
    }
  }

  function fromUrl(search_) {
    var p = new URLSearchParams(search_);
    var v = p.get("verdict");
    var wanted = v === null ? null : v.split(",");
    verdicts.forEach(function (c) {
      c.checked = wanted === null || wanted.indexOf(c.value) >= 0;
    });
    chapter.value = p.get("chapter") || "";
    if (chapter.selectedIndex < 0) chapter.value = "";
    kind.value = p.get("kind") || "";
    if (kind.selectedIndex < 0) kind.value = "";
    fragile.checked = p.get("fragile") === "1";
    search.value = p.get("q") || "";
  }

  function reset() {
    fromUrl("");
    apply();
  }

  fromUrl(location.search);
  form.addEventListener("input", function () {
    apply();
  });
  form.addEventListener("change", function () {
    apply();
  });
  document.getElementById("f-reset").addEventListener("click", reset);
  var notes = document.getElementById("f-notes");
  notes.addEventListener("click", function () {
    var open = notes.getAttribute("aria-pressed") !== "true";
    document.querySelectorAll("#findings details.notes").forEach(function (d) {
      d.open = open;
    });
    notes.setAttribute("aria-pressed", String(open));
    notes.textContent = open ? "close all notes" : "open all notes";
  });
  // the first screen's counts: filter in place rather than reload the page
  document.querySelectorAll('a[href^="?"]').forEach(function (a) {
    a.addEventListener("click", function (e) {
      var href = a.getAttribute("href");
      var hash = href.indexOf("#") >= 0 ? href.slice(href.indexOf("#")) : "";
      fromUrl(href.slice(1, hash ? href.indexOf("#") : undefined));
      e.preventDefault();
      try {
        history.pushState(null, "", location.pathname + href.slice(0, hash ? href.indexOf("#") : undefined) + hash);
      } catch (err) {
        // file:// in some browsers
      }
      apply(true);
      var t = hash && document.getElementById(hash.slice(1));
      if (t) t.scrollIntoView();
    });
  });
  window.addEventListener("popstate", function () {
    fromUrl(location.search);
    apply(true);
  });

  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.closest("[hidden]")) {
      reset();
      el.scrollIntoView({ block: "center" });
    }
  }
  window.addEventListener("hashchange", showTarget);
  // a printed index lists every failure
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.more-failures").forEach(function (d) {
      d.open = true;
    });
  });

  var gd = document.getElementById("fig-deviation");
  function hook() {
    if (!gd || typeof gd.on !== "function" || gd.__hooked) return;
    gd.__hooked = true;
    gd.on("plotly_click", function (e) {
      var p = e && e.points && e.points[0];
      if (p && typeof p.y === "string") location.hash = "#" + p.y;
    });
  }
  // figures are drawn as they come into view (layout.ts LAZY_PLOTLY_JS), which fires "figure-drawn"
  if (gd) {
    gd.addEventListener("figure-drawn", hook);
    var poll = setInterval(function () {
      hook();
      if (gd.__hooked) clearInterval(poll);
    }, 500);
  }
  // the filter bar sticks right under the site's header, whatever number of lines the header wraps to
  var header = document.querySelector("header.site");
  var bar = document.getElementById("filters");
  var stick = function () {
    if (header && bar) bar.style.top = getComputedStyle(header).position === "sticky" ? header.offsetHeight + "px" : "";
  };
  stick();
  window.addEventListener("resize", stick);
  apply(true);
  showTarget();
})();
