/* Full-text search (issue 5): Pagefind in the browser, Vietnamese folding and ranking.
 *
 * - The header box (theme/partials/search.html) shows the first results as you type;
 *   Enter or "Xem tất cả" opens the search page /tim-kiem/?q=… (content/tim-kiem.md).
 * - The search page reads q and the filters from its URL, keeps the URL in step with the
 *   form (a search can be shared and bookmarked) and lists links in #search-results.
 * - Matching: Pagefind folds combining marks itself; đ is folded by the index (see
 *   generator/search_index.py: "Đảng" is indexed as "Đảng_dang") and here, where a query with
 *   đ is also searched folded. Ranking: exact spelling (tone placement ignored: hoà = hòa)
 *   before folded matches, the words together before the words apart, then Pagefind's score.
 * - Links go to the numbered item where the match is (#muc-3, #muc-ii-1-a).
 * Every URL is relative to the site root that Material publishes in __config.base, so the
 * site works under a sub-path. Nothing is loaded from another host.
 */
(function () {
  "use strict";

  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var MARKS = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var WORD = /[\p{L}\p{N}]+/gu;
  var SUFFIX = /([^\s_]*[đĐ][^\s_]*)_([^\s_]+)/g;  // "Đảng_dang" as indexed -> "Đảng"
  var CANDIDATES = 20;   // results loaded and re-ranked per batch
  var PAGE = 10;         // results shown per batch on the search page
  var DROPDOWN = 6;      // results shown under the header box
  var FILTERS = [        // URL parameter, Pagefind filter, label
    ["loai", "loại", "Loại văn bản"],
    ["co-quan", "cơ quan", "Cơ quan ban hành"],
    ["dia-ban", "địa bàn", "Địa bàn"],
    ["nam", "năm", "Năm ban hành"],
    ["cong-bo", "công bố", "Công bố"]
  ];
  var FULL_TEXT = "Toàn văn";

  /** Lower case, no diacritics, đ -> d ("Đảng" -> "dang"). Same as fold() in search_index.py. */
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(MARKS, "")
      .normalize("NFC").toLowerCase();
  }

  /** Exact spelling up to case and tone placement: "hoà", "Hòa" -> the same key. */
  function exactKey(word) {
    var decomposed = word.normalize("NFD").toLowerCase();
    var tones = decomposed.match(TONES) || [];
    return decomposed.replace(TONES, "").normalize("NFC") + tones.join("");
  }

  function words(text) {
    return text.normalize("NFC").match(WORD) || [];
  }

  /** The indexed text back to the published text: drop the folded suffix of words with đ. */
  function unfold(token) {
    return token.replace(SUFFIX, function (all, word, folded) {
      return fold(word) === folded ? word : all;
    });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // --- Pagefind, loaded once, relative to the site root ----------------------------------

  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* no config */ }
  var root = new URL((config.base || ".").replace(/\/?$/, "/"), document.baseURI);
  var pagefind = null;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
          return pf.init();
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  // --- Ranking ------------------------------------------------------------------------------

  /** Where the query's words stand together in a page: Pagefind's content, split on spaces. */
  function analyse(query, data) {
    var tokens = data.content.split(/\s+/);
    var qWords = words(query);
    var qFold = qWords.map(fold);
    var qExact = qWords.map(exactKey);
    // The words of the page in order, each with the index of the token it belongs to.
    var runs = [];
    for (var t = 0; t < tokens.length; t++) {
      var parts = words(unfold(tokens[t]));
      for (var p = 0; p < parts.length; p++) runs.push({ token: t, fold: fold(parts[p]), exact: exactKey(parts[p]) });
    }
    var n = qWords.length;
    var exactSeen = qExact.map(function () { return false; });
    var best = { exactPhrase: -1, phrase: -1 };
    for (var i = 0; i < runs.length; i++) {
      for (var k = 0; k < n; k++) if (!exactSeen[k] && runs[i].exact === qExact[k]) exactSeen[k] = true;
      if (n === 0 || i + n > runs.length) continue;
      var folded = true, exact = true;
      for (var j = 0; j < n && folded; j++) {
        var r = runs[i + j];
        var last = j === n - 1;
        folded = last ? r.fold.indexOf(qFold[j]) === 0 : r.fold === qFold[j];
        exact = exact && folded && (last ? r.exact === qExact[j] || r.exact.indexOf(qExact[j]) === 0 : r.exact === qExact[j]);
      }
      if (folded && best.phrase < 0) best.phrase = runs[i].token;
      if (exact && folded && best.exactPhrase < 0) best.exactPhrase = runs[i].token;
    }
    var exactAll = n > 0 && exactSeen.every(Boolean);
    var tier = best.exactPhrase >= 0 ? 3 : exactAll ? (best.phrase >= 0 ? 2.5 : 2) : best.phrase >= 0 ? 1 : 0;
    var at = best.exactPhrase >= 0 ? best.exactPhrase : best.phrase >= 0 ? best.phrase : firstBodyLocation(data);
    return { tier: tier, at: at, tokens: tokens };
  }

  function firstBodyLocation(data) {
    var start = 0;
    (data.anchors || []).forEach(function (a) { if (a.id === "van-ban") start = a.location; });
    var after = (data.locations || []).filter(function (l) { return l >= start; });
    return after.length ? after[0] : (data.locations || [0])[0] || 0;
  }

  var ITEM = /^(muc-|dieu-|mo-dau|d\d|fn-|chu-thich|nhiem-vu)/;

  /** The block (#muc-3, #muc-ii-1-a…) that holds word number `at`. */
  function anchorFor(data, at) {
    var found = null;
    (data.anchors || []).forEach(function (a) {
      if (ITEM.test(a.id) && a.location <= at && (!found || a.location >= found.location)) found = a;
    });
    return found;
  }

  /** "muc-ii-1-a" -> "Mục II.1.a", "dieu-2" -> "Điều 2", "muc-2-d1" -> "Mục 2". */
  function anchorLabel(id) {
    if (/^mo-dau/.test(id)) return "Phần mở đầu";
    if (/^(fn-|chu-thich)/.test(id)) return "Chú thích";
    if (/^nhiem-vu/.test(id)) return "Nhiệm vụ";
    var m = /^(muc|dieu)-(.*)$/.exec(id);
    if (!m) return "";
    var parts = m[2].split("-").filter(function (p) { return !/^d\d+$/.test(p); }).map(function (p, i) {
      if (p === "dd") return "đ";
      return i === 0 && /^[ivxl]+$/.test(p) && m[1] === "muc" ? p.toUpperCase() : p;
    });
    return (m[1] === "dieu" ? "Điều " : "Mục ") + parts.join(".");
  }

  function snippet(tokens, at, locations) {
    var marked = {};
    (locations || []).forEach(function (l) { marked[l] = true; });
    var from = Math.max(0, at - 10), to = Math.min(tokens.length, at + 26);
    var out = [];
    for (var i = from; i < to; i++) {
      var text = escapeHtml(unfold(tokens[i]));
      out.push(marked[i] ? "<mark>" + text + "</mark>" : text);
    }
    return (from > 0 ? "… " : "") + out.join(" ") + (to < tokens.length ? " …" : "");
  }

  /** Pagefind results for the query as typed and, when it has đ, folded; merged, exact first. */
  function searchAll(pf, query, filters) {
    var options = { filters: filters || {} };
    var runs = [pf.search(query, options)];
    var folded = fold(query);
    if (/[đĐ]/.test(query)) runs.push(pf.search(folded, options));
    return Promise.all(runs).then(function (found) {
      var seen = {}, merged = [];
      found.forEach(function (search, n) {
        if (!search) return;
        search.results.forEach(function (r) {
          if (!seen[r.id]) { seen[r.id] = true; merged.push({ result: r, pass: n }); }
        });
      });
      return { results: merged, filters: found[0] && found[0].filters };
    });
  }

  /** Load, analyse and order one batch of results. */
  function rank(query, batch) {
    return Promise.all(batch.map(function (item) {
      return item.result.data().then(function (data) {
        var a = analyse(query, data);
        return { data: data, tier: a.tier, order: 0, at: a.at, tokens: a.tokens, query: query };
      });
    })).then(function (rows) {
      rows.forEach(function (row, i) { row.order = i; });
      rows.sort(function (x, y) { return y.tier - x.tier || x.order - y.order; });
      return rows.map(present);
    });
  }

  function present(row) {
    var data = row.data, meta = data.meta || {}, filters = data.filters || {};
    var anchor = anchorFor(data, row.at);
    var url = data.url + (anchor ? "#" + anchor.id : "");
    var kind = meta["loại"] || "";
    var heading = [kind, meta["số"]].filter(Boolean).join(" ");
    var published = (filters["công bố"] || [FULL_TEXT])[0];
    return {
      url: url,
      heading: heading || "Văn bản",
      title: meta.title || "",
      issuer: meta["cơ quan"] || "",
      date: meta["ngày"] || "",
      where: anchor ? anchorLabel(anchor.id) : "",
      catalogued: published !== FULL_TEXT ? published : "",
      snippet: row.query ? snippet(row.tokens, row.at, data.locations) : ""
    };
  }

  function renderItem(item, tag) {
    var li = document.createElement(tag || "li");
    li.className = "vb-result";
    var details = [item.issuer, item.date].filter(Boolean).map(escapeHtml).join(" · ");
    li.innerHTML =
      '<a class="vb-result__link" href="' + escapeHtml(item.url) + '">' +
      '<span class="vb-result__title"><strong>' + escapeHtml(item.heading) + "</strong> " + escapeHtml(item.title) + "</span>" +
      (item.catalogued ? ' <span class="vb-result__badge">' + escapeHtml(item.catalogued) + "</span>" : "") +
      '<span class="vb-result__meta">' + details +
      (item.where ? ' · <span class="vb-result__where">' + escapeHtml(item.where) + "</span>" : "") + "</span>" +
      '<span class="vb-result__snippet">' + item.snippet + "</span></a>";
    return li;
  }

  // --- Header box -------------------------------------------------------------------------

  function setupHeader(form) {
    var input = form.querySelector("input[name=q]");
    var toggle = document.getElementById("__search");
    var list = document.getElementById("vb-search-list");
    var status = document.getElementById("vb-search-status");
    var more = document.getElementById("vb-search-more");
    var counter = 0, active = -1;

    function open(on) {
      if (toggle && toggle.checked !== on) toggle.checked = on;
      input.setAttribute("aria-expanded", on && list.children.length ? "true" : "false");
    }
    function options() { return list.querySelectorAll(".vb-result__link"); }
    function highlight(index) {
      var links = options();
      active = links.length ? (index + links.length) % links.length : -1;
      for (var i = 0; i < links.length; i++) {
        links[i].parentNode.setAttribute("aria-selected", i === active ? "true" : "false");
      }
      if (active >= 0) {
        input.setAttribute("aria-activedescendant", links[active].parentNode.id);
        links[active].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function run() {
      var query = input.value.trim(), mine = ++counter;
      more.href = new URL("tim-kiem/", root).pathname + (query ? "?q=" + encodeURIComponent(query).replace(/%20/g, "+") : "");
      if (!query) { list.innerHTML = ""; status.textContent = "Gõ từ cần tìm, có dấu hoặc không dấu"; more.hidden = true; return; }
      status.textContent = "Đang tìm…";
      loadPagefind().then(function (pf) {
        return searchAll(pf, query).then(function (found) {
          if (mine !== counter) return null;
          return rank(query, found.results.slice(0, CANDIDATES)).then(function (items) {
            return { total: found.results.length, items: items };
          });
        });
      }).then(function (out) {
        if (!out || mine !== counter) return;
        list.innerHTML = "";
        out.items.slice(0, DROPDOWN).forEach(function (item, i) {
          var li = renderItem(item);
          li.id = "vb-search-option-" + i;
          li.setAttribute("role", "option");
          list.appendChild(li);
        });
        active = -1;
        status.textContent = out.total ? "Có " + out.total + " văn bản phù hợp" : "Không tìm thấy văn bản phù hợp";
        more.hidden = out.total <= DROPDOWN;
        more.textContent = "Xem tất cả " + out.total + " kết quả";
        open(true);
      }).catch(function (error) {
        status.textContent = "Không tải được bộ tìm kiếm";
        if (window.console) console.error(error);
      });
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.addEventListener("focus", function () { loadPagefind(); open(true); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { event.preventDefault(); open(false); input.blur(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); options()[active].click(); }
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { run(); input.focus(); }, 0);
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
        event.preventDefault();
        open(true);
        input.focus();
        input.select();
      }
    });
    if (toggle) {
      toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    }
  }

  // --- Search page --------------------------------------------------------------------------

  function setupPage(container) {
    var form = document.getElementById("vb-search-form");
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("vb-search-page-status");
    var moreButton = document.getElementById("vb-search-page-more");
    var selects = {};
    FILTERS.forEach(function (f) { selects[f[0]] = form.querySelector("select[name='" + f[0] + "']"); });
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var counter = 0, state = null;

    function chosenFilters() {
      var filters = {};
      FILTERS.forEach(function (f) {
        var value = selects[f[0]] && selects[f[0]].value;
        if (value) filters[f[1]] = value;
      });
      return filters;
    }
    function syncUrl() {
      var out = new URLSearchParams();
      var query = input.value.trim();
      if (query) out.set("q", query);
      FILTERS.forEach(function (f) { if (selects[f[0]] && selects[f[0]].value) out.set(f[0], selects[f[0]].value); });
      var text = out.toString();
      history.replaceState(null, "", location.pathname + (text ? "?" + text : ""));
    }
    function fillFilters(pf) {
      return pf.filters().then(function (all) {
        FILTERS.forEach(function (f) {
          var select = selects[f[0]];
          if (!select) return;
          var wanted = params.get(f[0]) || select.value;
          var values = Object.keys(all[f[1]] || {}).sort(function (a, b) {
            return f[0] === "nam" ? b.localeCompare(a) : a.localeCompare(b, "vi");
          });
          select.length = 1;
          values.forEach(function (v) {
            var option = new Option(v + " (" + all[f[1]][v] + ")", v);
            select.add(option);
          });
          if (wanted && values.indexOf(wanted) < 0) select.add(new Option(wanted, wanted));
          select.value = wanted || "";
        });
      });
    }
    function showMore() {
      var mine = counter;
      moreButton.hidden = true;
      var ready = Promise.resolve();
      if (state.pending.length < PAGE && state.next < state.results.length) {
        var batch = state.results.slice(state.next, state.next + CANDIDATES);
        state.next += batch.length;
        ready = rank(state.query, batch).then(function (items) {
          if (mine === counter) state.pending = state.pending.concat(items);
        });
      }
      return ready.then(function () {
        if (mine !== counter) return;
        state.pending.splice(0, PAGE).forEach(function (item) { state.list.appendChild(renderItem(item)); });
        moreButton.hidden = !(state.pending.length || state.next < state.results.length);
      });
    }
    function run() {
      var query = input.value.trim(), filters = chosenFilters(), mine = ++counter;
      syncUrl();
      container.innerHTML = "";
      moreButton.hidden = true;
      if (!query && !Object.keys(filters).length) {
        status.textContent = "Nhập từ cần tìm: có dấu hoặc không dấu, số ký hiệu (08-CT/TU), tên cơ quan…";
        return Promise.resolve();
      }
      status.textContent = "Đang tìm…";
      container.setAttribute("aria-busy", "true");
      return loadPagefind().then(function (pf) {
        var search = query ? searchAll(pf, query, filters) : pf.search(null, { filters: filters, sort: { "ngày": "desc" } })
          .then(function (s) { return { results: s.results.map(function (r) { return { result: r, pass: 0 }; }) }; });
        return search.then(function (found) {
          if (mine !== counter) return;
          var list = document.createElement("ol");
          list.className = "vb-results";
          container.appendChild(list);
          state = { query: query, results: found.results, total: found.results.length, next: 0, list: list, pending: [] };
          status.textContent = state.total
            ? "Tìm thấy " + state.total + " văn bản" + (query ? " có “" + query + "”" : "")
            : "Không tìm thấy văn bản nào" + (query ? " có “" + query + "”" : "") + ". Thử bỏ bớt từ hoặc bộ lọc.";
          return state.total ? showMore() : null;
        });
      }).catch(function (error) {
        status.textContent = "Không tải được bộ tìm kiếm.";
        if (window.console) console.error(error);
      }).then(function () {
        if (mine === counter) container.removeAttribute("aria-busy");
      });
    }
    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    FILTERS.forEach(function (f) { if (selects[f[0]]) selects[f[0]].addEventListener("change", run); });
    moreButton.addEventListener("click", function () { showMore(); });
    loadPagefind().then(fillFilters).catch(function () { /* filters stay empty */ }).then(run);
  }

  function start() {
    var header = document.getElementById("vb-search-form-header");
    if (header) setupHeader(header);
    var results = document.getElementById("search-results");
    if (results) setupPage(results);
  }

  // Exposed for tests: the same folding the index uses.
  window.vbSearch = { fold: fold, exactKey: exactKey, unfold: unfold, anchorLabel: anchorLabel };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
