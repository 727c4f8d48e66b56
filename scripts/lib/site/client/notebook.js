// Notebook pages: fold each code cell's input behind "show code" (its first line as a hint, its number "[N]" as
// the executed notebook counts it, which the index's "cell [N]" links name), one button to show or hide all
// code, a link from each finding card back to the index, the contents folded on a narrow screen, and the results of
// the primer's exercise solutions folded.
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
  if (toc && window.matchMedia && window.matchMedia("(max-width: 1099px)").matches) toc.open = false;
})();
