/* Full-text search (issue 5): our own static index (generator/publish/search_index.py), queried here.
 *
 * - The header box (theme/partials/search.html) shows the first results as you type;
 *   Enter or "Xem tất cả" opens the search page /tim-kiem/?q=… (content/tim-kiem.md).
 * - The search page reads q and the filters from its URL, keeps the URL in step with the
 *   form (a search can be shared and bookmarked) and lists links in #search-results.
 * - Matching: every term folded (lower case, no diacritics, đ -> d), so "dan van kheo" and
 *   "Dân vận khéo" find the same pages; a page must hold every term. Candidates are ordered by
 *   BM25; the best are loaded and re-ranked: the exact spelling as typed (tone placement aside:
 *   hoà = hòa) first, then the words together, then BM25.
 * - Links go to the numbered item where the match is (#muc-3, #muc-ii-1-a).
 * Every URL is relative to the site root that Material publishes in __config.base, so the
 * site works under a sub-path. Nothing is loaded from another host.
 */
(function () {
  "use strict";

  var BUNDLE = "search-index/";
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var MARKS = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var WORD = /[\p{L}\p{N}]+/gu;
  var CANDIDATES = 10;   // results loaded and re-ranked per batch on the search page
  var PAGE = 10;         // results shown per batch on the search page
  var DROPDOWN = 6;      // results shown under the header box
  var DROPDOWN_CANDIDATES = 8;
  var DEBOUNCE = 120;    // ms of quiet typing before a search runs (shards preload meanwhile)
  var FILTERS = [        // URL parameter, filter name in the index, label
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

  /** The index terms of a text (as terms() in search_index.py). */
  function terms(text) {
    return fold(text).match(WORD) || [];
  }

  /** 32-bit FNV-1a over UTF-8: the shard of a term (as fnv1a() in search_index.py). */
  function fnv1a(term) {
    var bytes = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // --- The index, loaded piece by piece, relative to the site root ---------------------------

  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* no config */ }
  var root = new URL((config.base || ".").replace(/\/?$/, "/"), document.baseURI);
  var index = null;

  /** A .json.gz file; decompressed here unless the server already did (Content-Encoding). */
  function fetchJson(url, init) {
    return fetch(url, init).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).json();
    });
  }

  function loadIndex() {
    if (!index) {
      index = fetchJson(new URL(BUNDLE + "meta.json.gz", root), { cache: "no-cache" }).then(function (meta) {
        meta.base = new URL(BUNDLE + meta.version + "/", root);
        meta.shardFiles = {};
        meta.docFiles = {};
        return meta;
      });
      index.catch(function () { index = null; });
    }
    return index;
  }

  function shard(meta, n) {
    if (!meta.shardFiles[n]) meta.shardFiles[n] = fetchJson(new URL("shards/" + n + ".json.gz", meta.base));
    return meta.shardFiles[n];
  }

  function doc(meta, n) {
    if (!meta.docFiles[n]) meta.docFiles[n] = fetchJson(new URL("docs/" + n + ".json.gz", meta.base));
    return meta.docFiles[n];
  }

  function filterData(meta) {
    if (!meta.filterFile) meta.filterFile = fetchJson(new URL("filters.json.gz", meta.base));
    return meta.filterFile;
  }

  /** Start fetching the shards of what is typed so far (each file is fetched once). */
  function preload(text) {
    var found = terms(text.trim());
    if (!found.length) return;
    loadIndex().then(function (meta) {
      found.forEach(function (t) { shard(meta, fnv1a(t) % meta.shards); });
    }).catch(function () { /* the search itself reports it */ });
  }

  /** Documents holding every term of the query, best BM25 first: [{doc, score}]. */
  function searchIndex(query, filters) {
    return loadIndex().then(function (meta) {
      var wanted = terms(query).filter(function (t, i, all) { return all.indexOf(t) === i; });
      var needFilters = filters && Object.keys(filters).length;
      return Promise.all([
        Promise.all(wanted.map(function (t) {
          return shard(meta, fnv1a(t) % meta.shards).then(function (s) { return s[t] || null; });
        })),
        needFilters || !wanted.length ? filterData(meta) : null
      ]).then(function (loaded) {
        var lists = loaded[0], fdata = loaded[1];
        var allow = needFilters ? filterCheck(fdata, filters) : null;
        if (!wanted.length) {
          var listed = [];
          for (var d = 0; d < meta.count; d++) if (!allow || allow(d)) listed.push({ doc: d, score: 0 });
          var dates = fdata.date;
          listed.sort(function (x, y) { return dates[y.doc] < dates[x.doc] ? -1 : dates[y.doc] > dates[x.doc] ? 1 : x.doc - y.doc; });
          return listed;
        }
        if (lists.some(function (l) { return !l; })) return [];
        var decoded = lists.map(decode).sort(function (a, b) { return a.docs.length - b.docs.length; });
        var scores = new Map();
        var first = decoded[0];
        for (var i = 0; i < first.docs.length; i++) {
          if (!allow || allow(first.docs[i])) scores.set(first.docs[i], bm25(meta, first, i));
        }
        for (var k = 1; k < decoded.length && scores.size; k++) {
          var next = new Map(), list = decoded[k];
          for (var j = 0; j < list.docs.length; j++) {
            var have = scores.get(list.docs[j]);
            if (have !== undefined) next.set(list.docs[j], have + bm25(meta, list, j));
          }
          scores = next;
        }
        var out = [];
        scores.forEach(function (score, d) { out.push({ doc: d, score: score }); });
        out.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
        return out;
      });
    });
  }

  function decode(entry) {
    var docs = [], counts = [], d = 0;
    for (var i = 0; i < entry.length; i += 2) {
      d = i === 0 ? entry[0] : d + entry[i];
      docs.push(d);
      counts.push(entry[i + 1]);
    }
    return { docs: docs, counts: counts };
  }

  function bm25(meta, list, i) {
    var df = list.docs.length, tf = list.counts[i], length = meta.lengths[list.docs[i]];
    var idf = Math.log(1 + (meta.count - df + 0.5) / (df + 0.5));
    return idf * tf * (meta.k1 + 1) / (tf + meta.k1 * (1 - meta.b + meta.b * length / meta.average));
  }

  function filterCheck(fdata, filters) {
    var tests = Object.keys(filters).map(function (name) {
      var position = (fdata.values[name] || []).indexOf(filters[name]);
      var perDoc = fdata.docs[name] || [];
      return function (d) { return position >= 0 && (perDoc[d] || []).indexOf(position) >= 0; };
    });
    return function (d) { return tests.every(function (t) { return t(d); }); };
  }

  // --- Ranking the candidates -----------------------------------------------------------------

  var folds = new Map(), exacts = new Map();  // word -> folded / exact key (few distinct syllables)
  function foldWord(w) {
    var f = folds.get(w);
    if (f === undefined) { f = fold(w); folds.set(w, f); }
    return f;
  }
  function exactWord(w) {
    var e = exacts.get(w);
    if (e === undefined) { e = exactKey(w); exacts.set(w, e); }
    return e;
  }

  /** Where the query's words stand in a document, block by block. */
  function analyse(query, data) {
    var qWords = words(query);
    var qFold = qWords.map(fold);
    var qExact = qWords.map(exactKey);
    var n = qWords.length;
    var runs = [];  // every word of the document: block, position in block, word, folded
    data.blocks.forEach(function (block, b) {
      var ws = block[1].match(WORD) || [];
      for (var p = 0; p < ws.length; p++) runs.push({ block: b, pos: p, word: ws[p], fold: foldWord(ws[p]) });
    });
    var exactSeen = qExact.map(function () { return false; });
    var phrase = -1, exactPhrase = -1;
    var hits = {};  // block -> distinct query words found in it
    for (var i = 0; i < runs.length; i++) {
      var r = runs[i];
      for (var k = 0; k < n; k++) {
        if (r.fold === qFold[k]) {
          (hits[r.block] = hits[r.block] || {})[k] = true;
          if (!exactSeen[k] && exactWord(r.word) === qExact[k]) exactSeen[k] = true;
        }
      }
      if (n === 0 || i + n > runs.length || (phrase >= 0 && exactPhrase >= 0) || r.fold !== qFold[0]) continue;
      var folded = true, exact = true;
      for (var j = 0; j < n && folded; j++) {
        folded = runs[i + j].fold === qFold[j];
        exact = exact && folded && exactWord(runs[i + j].word) === qExact[j];
      }
      if (folded && phrase < 0) phrase = i;
      if (exact && folded && exactPhrase < 0) exactPhrase = i;
    }
    var exactAll = n > 0 && exactSeen.every(Boolean);
    var tier = exactPhrase >= 0 ? 3 : exactAll ? (phrase >= 0 ? 2.5 : 2) : phrase >= 0 ? 1 : 0;
    var at = exactPhrase >= 0 ? runs[exactPhrase] : phrase >= 0 ? runs[phrase] : null;
    if (!at) {  // no phrase: the block with most of the words (the body before the header)
      var best = -1, bestCount = 0;
      Object.keys(hits).forEach(function (b) {
        var count = Object.keys(hits[b]).length + (data.blocks[b][0] ? 0.5 : 0);
        if (count > bestCount) { best = +b; bestCount = count; }
      });
      if (best >= 0) {
        var firstHit = runs.filter(function (x) { return x.block === best && qFold.indexOf(x.fold) >= 0; })[0];
        at = firstHit || { block: best, pos: 0 };
      }
    }
    // The document whose own number is the query ("2108", "08-CT/TU") comes first; then
    // documents with the words in their title.
    var own = terms((data.meta || {})["số"] || "").join(" ");
    if (n && own && (" " + own + " ").indexOf(" " + qFold.join(" ") + " ") >= 0) tier += 2;
    if (phrase >= 0 && data.blocks.some(function (block) {
      return block[0] === "van-ban" && (" " + terms(block[1]).join(" ") + " ").indexOf(" " + qFold.join(" ") + " ") >= 0;
    })) tier += 0.75;
    return { tier: tier, at: at || { block: 0, pos: 0 }, qFold: qFold };
  }

  var ITEM = /^(muc-|dieu-|mo-dau|d\d|fn-|chu-thich|nhiem-vu)/;

  /** The id of the numbered item (#muc-3, #muc-ii-1-a…) that holds block b. */
  function anchorFor(data, b) {
    for (var i = b; i >= 0; i--) {
      var id = data.blocks[i][0];
      if (id === "van-ban") return "";
      if (ITEM.test(id)) return id;
    }
    return "";
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

  /** Some words of block `at.block` around the match, query words marked. */
  function snippet(data, at, qFold) {
    var text = data.blocks[at.block][1];
    var tokens = text.split(/\s+/);
    // Word positions count letters-and-digits runs; find the token that holds word `at.pos`.
    var seen = 0, index = 0;
    for (var i = 0; i < tokens.length; i++) {
      var count = (tokens[i].normalize("NFC").match(WORD) || []).length;
      if (seen + count > at.pos) { index = i; break; }
      seen += count;
    }
    var from = Math.max(0, index - 10), to = Math.min(tokens.length, index + 26);
    var out = [];
    for (var t = from; t < to; t++) {
      var hit = words(tokens[t]).some(function (w) { return qFold.indexOf(fold(w)) >= 0; });
      var html = escapeHtml(tokens[t]);
      out.push(hit ? "<mark>" + html + "</mark>" : html);
    }
    return (from > 0 ? "… " : "") + out.join(" ") + (to < tokens.length ? " …" : "");
  }

  /** Load, analyse and order one batch of candidates. */
  function rank(query, batch) {
    return loadIndex().then(function (meta) {
      return Promise.all(batch.map(function (item, order) {
        return doc(meta, item.doc).then(function (data) {
          var a = analyse(query, data);
          var published = ((data.filters || {})["công bố"] || [FULL_TEXT])[0] === FULL_TEXT;
          return { data: data, tier: a.tier, full: published ? 1 : 0, order: order, at: a.at, qFold: a.qFold, query: query };
        });
      }));
    }).then(function (rows) {
      // Same tier: a published text before a catalog entry that only quotes it.
      rows.sort(function (x, y) { return y.tier - x.tier || y.full - x.full || x.order - y.order; });
      return rows.map(present);
    });
  }

  /** Without a title in the metadata: the page's h1 (#van-ban), less what the heading shows. */
  function titleLine(data, heading) {
    var h1 = data.blocks.filter(function (b) { return b[0] === "van-ban"; })[0];
    if (!h1) return "";
    var text = h1[1];
    return heading && text.toUpperCase().indexOf(heading.toUpperCase()) === 0 ? text.slice(heading.length).trim() : text;
  }

  function present(row) {
    var data = row.data, meta = data.meta || {}, filters = data.filters || {};
    var anchor = row.query ? anchorFor(data, row.at.block) : "";
    var url = new URL(data.url.replace(/^\//, ""), root).pathname + (anchor ? "#" + anchor : "");
    var heading = [meta["loại"], meta["số"]].filter(Boolean).join(" ");
    var published = (filters["công bố"] || [FULL_TEXT])[0];
    return {
      url: url,
      heading: heading || "Văn bản",
      title: meta.title || titleLine(data, heading),
      issuer: meta["cơ quan"] || "",
      date: meta["ngày"] || "",
      where: anchor ? anchorLabel(anchor) : "",
      catalogued: published !== FULL_TEXT ? published : "",
      snippet: row.query ? snippet(data, row.at, row.qFold) : ""
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
      searchIndex(query).then(function (found) {
        if (mine !== counter) return null;
        return rank(query, found.slice(0, DROPDOWN_CANDIDATES)).then(function (items) {
          return { total: found.length, items: items };
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
      counter++;  // results of an earlier query must not show up now
      preload(input.value);
      timer = setTimeout(run, DEBOUNCE);
    });
    input.addEventListener("focus", function () { loadIndex().catch(function () {}); open(true); });
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
    function fillFilters(meta) {
      return filterData(meta).then(function (fdata) {
        FILTERS.forEach(function (f) {
          var select = selects[f[0]];
          if (!select) return;
          var wanted = params.get(f[0]) || select.value;
          var values = fdata.values[f[1]] || [];
          var counts = values.map(function () { return 0; });
          (fdata.docs[f[1]] || []).forEach(function (list) { list.forEach(function (v) { counts[v]++; }); });
          var order = values.map(function (v, i) { return i; }).sort(function (a, b) {
            return f[0] === "nam" ? values[b].localeCompare(values[a]) : values[a].localeCompare(values[b], "vi");
          });
          select.length = 1;
          order.forEach(function (i) { select.add(new Option(values[i] + " (" + counts[i] + ")", values[i])); });
          if (wanted && values.indexOf(wanted) < 0) select.add(new Option(wanted, wanted));
          select.value = wanted || "";
        });
      });
    }
    function showMore() {
      var mine = counter;
      moreButton.hidden = true;
      container.setAttribute("aria-busy", "true");
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
      }).then(function () {
        if (mine === counter) container.removeAttribute("aria-busy");
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
      return searchIndex(query, filters).then(function (found) {
        if (mine !== counter) return;
        var list = document.createElement("ol");
        list.className = "vb-results";
        container.appendChild(list);
        state = { query: query, results: found, total: found.length, next: 0, list: list, pending: [] };
        status.textContent = state.total
          ? "Tìm thấy " + state.total + " văn bản" + (query ? " có “" + query + "”" : "")
          : "Không tìm thấy văn bản nào" + (query ? " có “" + query + "”" : "") + ". Thử bỏ bớt từ hoặc bộ lọc.";
        return state.total ? showMore() : null;
      }).catch(function (error) {
        status.textContent = "Không tải được bộ tìm kiếm.";
        if (window.console) console.error(error);
      }).then(function () {
        if (mine === counter) container.removeAttribute("aria-busy");
      });
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      counter++;  // results of an earlier query must not show up now
      preload(input.value);
      timer = setTimeout(run, DEBOUNCE);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    FILTERS.forEach(function (f) { if (selects[f[0]]) selects[f[0]].addEventListener("change", run); });
    moreButton.addEventListener("click", function () { showMore(); });
    loadIndex().then(fillFilters).catch(function () { /* filters stay empty */ }).then(run);
  }

  function start() {
    var header = document.getElementById("vb-search-form-header");
    if (header) setupHeader(header);
    var results = document.getElementById("search-results");
    if (results) setupPage(results);
  }

  // Exposed for tests: the same folding the index uses.
  window.vbSearch = { fold: fold, exactKey: exactKey, terms: terms, fnv1a: fnv1a, anchorLabel: anchorLabel };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
