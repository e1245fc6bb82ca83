// Filtering and sorting for the table of all tasks. Without JavaScript the table is a plain,
// complete, readable table; this only adds controls. The choices are kept in the address
// (?co-quan=…&van-ban=…&trang-thai=…&nam=…&sap-xep=…) so a filtered list can be shared; a
// value in the address that is not one of the options is ignored. Names sort in Vietnamese
// alphabetical order (Intl.Collator "vi", the CLDR collation the generator uses through ICU).
// No outside requests.
(function () {
  "use strict";
  function init() {
    var table = document.getElementById("vb-all-tasks");
    var filters = document.getElementById("vb-task-filters");
    if (!table || !filters || table.dataset.enhanced) return;
    table.dataset.enhanced = "1";
    var tbody = table.tBodies[0];
    var all = Array.prototype.slice.call(tbody.rows);
    var rows = all.filter(function (row) { return !row.classList.contains("vb-task-doc"); });
    var heads = all.filter(function (row) { return row.classList.contains("vb-task-doc"); });
    var selects = Array.prototype.slice.call(filters.querySelectorAll("select[data-filter]"));
    var sort = filters.querySelector("select[data-sort]");
    var count = filters.querySelector("[data-count]");
    var collator = window.Intl && Intl.Collator ? new Intl.Collator("vi") : null;
    var statusRank = {};
    var statusSelect = filters.querySelector("select[data-filter=status]");
    if (statusSelect) {
      Array.prototype.forEach.call(statusSelect.options, function (o, i) { statusRank[o.value] = i; });
    }

    function text(a, b) {
      return collator ? collator.compare(a, b) : a.localeCompare(b, "vi");
    }
    var orders = {
      "han": function (a, b) { return a.dataset.due < b.dataset.due ? -1 : a.dataset.due > b.dataset.due ? 1 : 0; },
      "chu-tri": function (a, b) { return text(a.dataset.lead || "\uffff", b.dataset.lead || "\uffff"); },
      "trang-thai": function (a, b) { return (statusRank[a.dataset.status] || 0) - (statusRank[b.dataset.status] || 0); }
    };

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

    function arrange() {
      var order = sort ? sort.value : "";
      var compare = Object.prototype.hasOwnProperty.call(orders, order) ? orders[order] : null;
      if (compare) {  // one list across documents; ties keep the documents' order
        var sorted = rows.slice().sort(function (a, b) {
          return compare(a, b) || (a.dataset.number < b.dataset.number ? -1 : 1);
        });
        sorted.forEach(function (row) { tbody.appendChild(row); });
      } else {
        all.forEach(function (row) { tbody.appendChild(row); });
      }
      return !compare;
    }

    function keep() {
      var params = new URLSearchParams(window.location.search);
      selects.concat(sort ? [sort] : []).forEach(function (s) {
        if (s.value) params.set(s.dataset.param, s.value); else params.delete(s.dataset.param);
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", address);
    }

    function apply(save) {
      var grouped = arrange();
      var shown = 0, visible = {};
      rows.forEach(function (row) {
        var ok = matches(row);
        row.hidden = !ok;
        if (ok) { shown++; visible[row.dataset.document] = true; }
      });
      heads.forEach(function (head) { head.hidden = !grouped || !visible[head.dataset.group]; });
      if (count) count.textContent = shown + " / " + rows.length + " nhiệm vụ";
      if (save) keep();
    }

    // The address's choices, when they are options of the page.
    var params = new URLSearchParams(window.location.search);
    selects.concat(sort ? [sort] : []).forEach(function (s) {
      var wanted = params.get(s.dataset.param);
      if (wanted === null) return;
      for (var i = 0; i < s.options.length; i++) {
        if (s.options[i].value === wanted) { s.value = wanted; return; }
      }
    });
    selects.concat(sort ? [sort] : []).forEach(function (s) {
      s.addEventListener("change", function () { apply(true); });
    });
    filters.hidden = false;
    apply(false);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
