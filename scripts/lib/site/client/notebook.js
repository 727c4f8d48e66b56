// Notebook pages: fold each code cell's input behind "show code" (its first line as a hint, its number "[N]" as
// the executed notebook counts it, which the index's "cell [N]" links name), one button to show or hide all
// code, a link from each finding card back to the index, the results of the primer's exercise solutions folded; below
// 1100 px the contents become a bar that stays at the top and names the section in view; on a phone (≤ 700 px) each
// card's notes and every table of more than 12 rows are folded too (a link to a row inside one opens it).
(function () {
  "use strict";
  var folds = [];
  document.querySelectorAll(".nb .cell.code_cell > .input").forEach(function (input) {
    var pre = input.querySelector("pre");
    var first = pre
      ? (pre.textContent || "").split("\n").filter(function (l) {
          return l.trim() !== "";
        })[0] || ""
      : "";
    var details = document.createElement("details");
    details.className = "code-fold";
    var summary = document.createElement("summary");
    var prompt = input.querySelector(".input_prompt");
    var no = prompt ? (/\[(\d+)\]/.exec(prompt.textContent || "") || [])[1] : undefined;
    var label = document.createElement("span");
    label.className = "cell-no";
    label.textContent = no ? "[" + no + "]" : "";
    var text = document.createElement("span");
    var closed = "show code" + (first ? " — " + first.trim().slice(0, 100) : "");
    text.textContent = closed;
    summary.appendChild(label);
    summary.appendChild(text);
    details.appendChild(summary);
    details.addEventListener("toggle", function () {
      text.textContent = details.open ? "hide code" : closed;
    });
    input.parentNode.insertBefore(details, input);
    details.appendChild(input);
    folds.push(details);
  });
  // the primer's exercise solutions: their results are folded too (the answers stay hidden until asked for)
  document.querySelectorAll(".nb .cell.celltag_solution > .output_wrapper").forEach(function (out) {
    var details = document.createElement("details");
    details.className = "solution-fold";
    var summary = document.createElement("summary");
    summary.textContent = "show the worked solutions";
    details.appendChild(summary);
    out.parentNode.insertBefore(details, out);
    details.appendChild(out);
  });
  var button = document.getElementById("toggle-code");
  if (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-pressed") !== "true";
      folds.forEach(function (d) {
        d.open = open;
      });
      button.setAttribute("aria-pressed", String(open));
      button.textContent = open ? "hide all code" : "show all code";
    });
  }
  document.querySelectorAll(".nb .finding[id], .nb table.findings tr[id]").forEach(function (el) {
    var a = document.createElement("a");
    a.href = "index.html#" + encodeURIComponent(el.id);
    a.className = "back-link";
    a.textContent = "↩ in the findings index";
    var host = el.tagName === "TR" ? el.querySelector("td") : el.firstElementChild || el;
    host.appendChild(a);
  });
  var toc = document.querySelector("details.toc-fold");
  var narrowToc = window.matchMedia && window.matchMedia("(max-width: 1099px)").matches;
  var phone = window.matchMedia && window.matchMedia("(max-width: 700px)").matches;
  // a phone: each card's notes, and every table longer than a screen or so, folded (a linked row opens its table)
  if (phone) {
    document.querySelectorAll(".nb .finding").forEach(function (card) {
      var table = card.querySelector(":scope > table");
      var rest = [];
      for (var el = table && table.nextElementSibling; el; el = el.nextElementSibling) if (el.tagName === "DIV") rest.push(el);
      if (!rest.length) return;
      var labels = [];
      rest.forEach(function (el) {
        (el.textContent || "").split("\n").forEach(function (line) {
          var m = /^\s*([a-z][a-z _-]{0,20}):\s/i.exec(line);
          if (m && labels.indexOf(m[1].toLowerCase()) < 0) labels.push(m[1].toLowerCase());
        });
      });
      fold(rest, "card-notes", "notes" + (labels.length ? " (" + labels.join(", ") + ")" : ""));
    });
    document.querySelectorAll(".nb table").forEach(function (t) {
      var rows = t.querySelectorAll(":scope > tbody > tr").length;
      if (rows <= 12 || t.closest("details.table-fold") || t.closest(".finding")) return;
      var cap = t.querySelector("caption");
      fold([t], "table-fold", "table: " + rows + " rows" + (cap ? " — " + (cap.textContent || "").trim().slice(0, 80) : ""));
    });
  }
  function fold(els, cls, text) {
    var d = document.createElement("details");
    d.className = cls;
    var sm = document.createElement("summary");
    sm.textContent = text;
    d.appendChild(sm);
    els[0].parentNode.insertBefore(d, els[0]);
    els.forEach(function (e) {
      d.appendChild(e);
    });
  }
  // printing shows what the folds hold
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.card-notes, details.table-fold").forEach(function (d) {
      d.open = true;
    });
  });
  // a link to a row or card inside a fold opens the folds around it
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el.parentElement; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    el.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  if (location.hash) openTarget();
  // below the side-by-side width: the contents folded into a bar that stays at the top, naming the section in view
  if (toc && narrowToc) {
    toc.open = false;
    var side = toc.closest(".nb-side");
    var header = document.querySelector("header.site");
    var stickTop = function () {
      side.style.top = header && getComputedStyle(header).position === "sticky" ? header.offsetHeight + "px" : "0px";
    };
    side.classList.add("stuck");
    stickTop();
    window.addEventListener("resize", stickTop);
    var current = document.createElement("span");
    current.className = "toc-current";
    toc.querySelector("summary").appendChild(current);
    var heads = [].slice.call(document.querySelectorAll(".nb h1[id], .nb h2[id], .nb h3[id]"));
    var shown = null;
    var update = function () {
      var at = null;
      // the section whose heading has passed a line a fifth of the screen under the bar
      var line = side.getBoundingClientRect().bottom + window.innerHeight / 5;
      for (var i = 0; i < heads.length && heads[i].getBoundingClientRect().top <= line; i++) at = heads[i];
      if (at === shown) return;
      shown = at;
      current.textContent = at ? (at.textContent || "").replace(/¶/g, "").trim() : "";
    };
    var queued = false;
    window.addEventListener("scroll", function () {
      if (queued) return;
      queued = true;
      requestAnimationFrame(function () {
        queued = false;
        update();
      });
    }, { passive: true });
    update();
    toc.querySelectorAll("a").forEach(function (a) {
      a.addEventListener("click", function () {
        toc.open = false;
      });
    });
  }
})();
