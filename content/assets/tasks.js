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
    var headers = table.tHead.rows[0].cells;
    var column = {};
    Array.prototype.forEach.call(headers, function (th, i) { if (th.dataset.sort) column[th.dataset.sort] = i; });
    // The sort and filter keys are read from the cells (the page carries only data-due):
    // the row's place, its document (the link's path), lead names, organisations (the links to
    // their pages) and status (the class of its label).
    rows.forEach(function (row, i) {
      var d = row.dataset, cells = row.cells;
      d.number = ("00000" + (i + 1)).slice(-6);
      var doc = cells[column.document] && cells[column.document].querySelector("a");
      var path = doc ? doc.getAttribute("href").match(/van-ban\/(.+?)\/(?:#|$)/) : null;
      d.document = path ? path[1] : "";
      d.lead = cells[column.lead] ? cells[column.lead].textContent : "";
      var orgs = [];
      [cells[column.lead], cells[column.lead + 1]].forEach(function (cell) {  // lead and support
        if (!cell) return;
        Array.prototype.forEach.call(cell.querySelectorAll("a[href]"), function (a) {
          var m = a.getAttribute("href").match(/co-quan\/(.+?)\/$/);
          if (m && orgs.indexOf(m[1]) < 0) orgs.push(m[1]);
        });
      });
      d.orgs = orgs.sort().join(" ");
      var status = cells[column.status] && cells[column.status].querySelector(".vb-status");
      var slug = status ? status.className.match(/vb-status-(\S+)/) : null;
      d.status = slug ? slug[1] : "";
    });
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
