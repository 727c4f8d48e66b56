// The findings index: filter by verdict, chapter, kind and fragility, search by words
// (every word must occur in the row's text, accents ignored; "rule:ID" matches the rule; ?q= fills it in), open all notes, follow
// anchors (a hidden target row clears the filter), click a mark of the deviation chart.
(function () {
  "use strict";
  var norm = function (s) {
    return (s || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
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

  function apply() {
    var on = {};
    verdicts.forEach(function (c) {
      on[c.value] = c.checked;
    });
    var words = norm(search.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok =
        on[r.dataset.verdict] &&
        (!chapter.value || r.dataset.chapter === chapter.value) &&
        (!kind.value || r.dataset.kind === kind.value) &&
        (!fragile.checked || r.dataset.fragile === "1") &&
        words.every(function (w) {
          return w.indexOf("rule:") === 0 ? norm(r.dataset.rule) === w.slice(5) : texts[i].indexOf(w) >= 0;
        });
      r.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll("#findings tbody.section").forEach(function (b) {
      b.hidden = !b.querySelector("tr.finding:not([hidden])");
    });
    document.querySelectorAll("#findings section.chapter").forEach(function (s) {
      s.hidden = !s.querySelector("tr.finding:not([hidden])");
    });
    count.textContent = shown + " of " + rows.length + " findings shown";
    none.style.display = shown === 0 ? "block" : "none";
  }

  function reset() {
    verdicts.forEach(function (c) {
      c.checked = true;
    });
    chapter.value = "";
    kind.value = "";
    fragile.checked = false;
    search.value = "";
    apply();
  }

  var q = new URLSearchParams(location.search).get("q");
  if (q) search.value = q;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
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
  showTarget();

  (function hook(tries) {
    var gd = document.getElementById("fig-deviation");
    if (!gd) return;
    if (typeof gd.on !== "function") {
      if (tries < 100)
        setTimeout(function () {
          hook(tries + 1);
        }, 100);
      return;
    }
    gd.on("plotly_click", function (e) {
      var p = e && e.points && e.points[0];
      if (p && typeof p.y === "string") location.hash = "#" + p.y;
    });
  })(0);
  apply();
})();
