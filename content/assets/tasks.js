// Sorting and filtering for the table of all tasks. Without JavaScript the table is a plain,
// complete, readable table; this only adds controls. No outside requests.
(function () {
  "use strict";
  function init() {
    var table = document.getElementById("vb-all-tasks");
    var filters = document.getElementById("vb-task-filters");
    if (!table || !filters || table.dataset.enhanced) return;
    table.dataset.enhanced = "1";
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var selects = filters.querySelectorAll("select");
    var count = filters.querySelector("[data-count]");

    function matches(row) {
      for (var i = 0; i < selects.length; i++) {
        var s = selects[i], v = s.value;
        if (!v) continue;
        var key = s.dataset.filter;
        if (key === "org" && (" " + row.dataset.orgs + " ").indexOf(" " + v + " ") < 0) return false;
        if (key === "document" && row.dataset.document !== v) return false;
        if (key === "status" && row.dataset.status !== v) return false;
        if (key === "due" && row.dataset.due.slice(0, 4) !== v) return false;
      }
      return true;
    }
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row);
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " / " + rows.length + " nhiệm vụ";
    }
    Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", apply); });

    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th) {
      var key = th.dataset.sort;
      if (!key) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "vb-sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", "Sắp xếp theo " + th.textContent);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.dataset[key] || "", y = b.dataset[key] || "";
          var c = x.localeCompare(y, "vi");
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
    filters.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
