/* Full-text search (issues 5 and 13): our own static index (generator/publish/search_index.py),
 * queried here.
 *
 * - The header box (theme/partials/search.html) shows the first results as you type and
 *   always offers "Xem tất cả kết quả": the search page /tim-kiem/?q=… (content/tim-kiem.md).
 * - The search page reads q and the filters from its URL and keeps the URL in step with the
 *   form: a search can be shared and bookmarked, and the back button returns to the previous
 *   search (one history entry per search, not per key press).
 * - The query (parseQuery): quotes, commas, semicolons and "+" separate terms; a term of several
 *   syllables is a phrase (the syllables together, in order: a word, a name, a term). Every
 *   syllable is folded (lower case, no diacritics, đ -> d), so "luong nguyen minh triet" finds
 *   "Lương Nguyễn Minh Triết".
 * - Matching (searchIndex): the index holds every syllable and every pair of adjacent syllables
 *   of a passage. A document matches a phrase when it holds every consecutive pair of it; the
 *   documents shown are then checked for the whole phrase in their text (analyse), so
 *   #search-results holds exactly the documents with every term, phrases in order. Documents
 *   holding the syllables only apart come after it, in their own labelled list; if no document
 *   holds the phrase, they are the results and the page says so. A quoted phrase never falls
 *   back. Candidates are ordered by BM25, the best loaded and re-ranked: the exact spelling as
 *   typed (tone placement aside: hoà = hòa) first, then BM25.
 * - Links go to the numbered item where the match is (#muc-3, #muc-ii-1-a).
 * Every URL is relative to the site root that Material publishes in __config.base, so the
 * site works under a sub-path. Nothing is loaded from another host. Text from the index and
 * from the query reaches the page only through escapeHtml() or textContent.
 */
(function () {
  "use strict";

  var BUNDLE = "search-index/";
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var MARKS = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var WORD = /[\p{L}\p{N}]+/gu;
  // Between two syllables, a break (no pair in the index, no phrase across it): a block end
  // ("\n" in the index's text), one of these marks, or . , : next to anything but a letter or
  // digit. Same rule as segments() in search_index.py.
  var SEPARATORS = /[\n;!?…()\[\]{}"“”‘’«»|•]/;
  var SOFT_MARKS = /[.,:]/;
  // A text's words and, between them, each character that breaks (as _TOKEN in search_index.py).
  var TOKEN = /[\p{L}\p{N}]+|[\n;!?…()\[\]{}"“”‘’«»|•]|[.,:](?=[^\p{L}\p{N}])|(?<=[^\p{L}\p{N}])[.,:]/gu;
  var WORD_START = /^[\p{L}\p{N}]/u;
  var QUOTES = "\"“”„«»";
  var TERM_SEPARATORS = ",;+";  // besides quotes: what separates the terms of a query
  var MAX_QUERY = 200;          // characters of a query used (the input has the same maxlength)
  var CANDIDATES = 10;   // results loaded and checked per batch on the search page
  var PAGE = 10;         // results shown per batch on the search page
  var BATCHES = 3;       // batches loaded at most per "more" when candidates fail the check
  var DROPDOWN = 6;      // results shown under the header box
  var DROPDOWN_CANDIDATES = 8;
  var DEBOUNCE = 120;    // ms of quiet typing before a search runs (shards preload meanwhile)
  var LOADING = 6;       // result files loaded at once (as HTTP/1.1 browsers do per host); the others
                         // wait, and a wait ends with nothing fetched when no current query wants it
  var FILTERS = [        // URL parameter, filter name in the index, label
    ["loai", "loại", "Loại văn bản"],
    ["co-quan", "cơ quan", "Cơ quan ban hành"],
    ["dia-ban", "địa bàn", "Địa bàn"],
    ["nam", "năm", "Năm ban hành"],
    ["cong-bo", "công bố", "Công bố"]
  ];
  var FULL_TEXT = "Toàn văn";

  /** Lower case, no diacritics, đ -> d ("Đảng" -> "dang"). Same as fold() in generator/vn/text.py (the one fold). */
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

  /** The syllables of a text, folded (as terms() in search_index.py). */
  function terms(text) {
    return fold(text).match(WORD) || [];
  }

  /** Do the characters between two syllables separate them? */
  function isBreak(gap) {
    return SEPARATORS.test(gap) || (gap.length > 1 && SOFT_MARKS.test(gap));
  }

  /** The words of a text with where they stand: [{start, end, word, seg}]; seg (from `seg`)
   *  grows at every break, so two words are adjacent only when their seg is the same. */
  function tokenize(text, seg) {
    var out = [], re = new RegExp(TOKEN.source, "gu"), m;
    seg = seg || 0;
    while ((m = re.exec(text))) {
      if (m[0].length === 1 && !WORD_START.test(m[0])) seg++;
      else out.push({ start: m.index, end: m.index + m[0].length, word: m[0], seg: seg });
    }
    return out;
  }

  /** Folded syllables cut at every break (as segments() in search_index.py: the words as
   *  written, each folded). */
  function segments(text) {
    var out = [];
    tokenize(text.normalize("NFC")).forEach(function (t) {
      if (!out[t.seg]) out[t.seg] = [];
      out[t.seg].push(foldWord(t.word));
    });
    return out.filter(function (s) { return s && s.length; });
  }

  /** A query as terms: [{text, words, syllables, exacts, quoted}]. Quotes, commas, semicolons
   *  and "+" separate terms, and so does any break (a term is never cut by one in the index). */
  function parseQuery(raw) {
    var text = String(raw || "").normalize("NFC").slice(0, MAX_QUERY);
    var chunks = [], buffer = "", quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (QUOTES.indexOf(c) >= 0) { chunks.push([buffer, quoted]); buffer = ""; quoted = !quoted; }
      else if (!quoted && TERM_SEPARATORS.indexOf(c) >= 0) { chunks.push([buffer, false]); buffer = ""; }
      else buffer += c;
    }
    chunks.push([buffer, quoted]);
    var list = [], seen = {};
    chunks.forEach(function (chunk) {
      var tokens = tokenize(chunk[0]), groups = [];
      tokens.forEach(function (t) { (groups[t.seg] = groups[t.seg] || []).push(t); });
      groups.forEach(function (group) {
        if (!group || !group.length) return;
        var words = [], syllables = [];
        group.forEach(function (t) { words.push(t.word); syllables.push(fold(t.word)); });
        var key = syllables.join(" ");
        var term = {
          text: chunk[0].slice(group[0].start, group[group.length - 1].end),
          words: words,
          syllables: syllables,
          exacts: words.map(exactKey),
          quoted: chunk[1]
        };
        if (seen[key]) { seen[key].quoted = seen[key].quoted || term.quoted; return; }
        seen[key] = term;
        list.push(term);
      });
    });
    var phrase = list.some(function (t) { return t.syllables.length > 1; });
    return {
      text: text.trim(),
      terms: list,
      phrase: phrase,
      // pairs prove a phrase of two syllables; longer ones are checked in the documents
      approximate: list.some(function (t) { return t.syllables.length > 2; }),
      canFallback: list.some(function (t) { return t.syllables.length > 1 && !t.quoted; })
    };
  }

  function pairsOf(term) {
    var out = [];
    for (var i = 1; i < term.syllables.length; i++) out.push(term.syllables[i - 1] + " " + term.syllables[i]);
    return out;
  }

  function unique(list) {
    return list.filter(function (x, i) { return list.indexOf(x) === i; });
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

  /** 9358 -> "9.358" */
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  /** “A”, “B” và “C” */
  function quoteList(texts) {
    var quoted = texts.map(function (t) { return "“" + t + "”"; });
    return quoted.length > 1 ? quoted.slice(0, -1).join(", ") + " và " + quoted[quoted.length - 1] : quoted.join("");
  }

  /** What a query asks for, for the count: cụm từ “dân vận khéo”; “2108”; cả “A” và “B”. */
  function describe(parsed) {
    var texts = parsed.terms.map(function (t) { return t.text; });
    if (texts.length > 1) return "cả " + quoteList(texts);
    return (parsed.phrase ? "cụm từ " : "") + quoteList(texts);
  }

  function syllableList(parsed) {
    var words = [];
    parsed.terms.forEach(function (t) {
      if (t.syllables.length > 1 && !t.quoted) words.push.apply(words, t.words.map(function (w) { return w.toLowerCase(); }));
      else words.push(t.text);
    });
    return quoteList(unique(words));
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

  /** Thrown where a query's results are no longer wanted (another query replaced it). */
  var SUPERSEDED = new Error("superseded");
  var waiting = [], loading = 0;

  /** Result file n: fetched once, at most LOADING at a time. `current()` says whether the query
   *  asking for it still matters; a file that waits is skipped (its promise rejected with
   *  SUPERSEDED, nothing fetched) when every query that asked for it has been replaced. While
   *  typing, the partial queries thus stop loading files the last one does not use. */
  function doc(meta, n, current) {
    var entry = meta.docFiles[n];
    if (!entry) {
      entry = meta.docFiles[n] = { wanted: [], started: false };
      entry.promise = new Promise(function (resolve, reject) {
        waiting.push({ meta: meta, n: n, entry: entry, resolve: resolve, reject: reject });
      });
    }
    if (!entry.started) entry.wanted.push(current || function () { return true; });
    Promise.resolve().then(pump);  // once the caller has asked for its whole batch
    return entry.promise;
  }

  function pump() {
    while (loading < LOADING && waiting.length) {
      var job = waiting.shift(), entry = job.entry;
      if (!entry.wanted.some(function (wanted) { return wanted(); })) {
        delete job.meta.docFiles[job.n];
        job.reject(SUPERSEDED);
        continue;
      }
      entry.started = true;
      entry.wanted = null;
      loading++;
      fetchJson(new URL("docs/" + job.n + ".json.gz", job.meta.base)).then(job.resolve, function (error) {
        delete job.meta.docFiles[job.n];
        job.reject(error);
      }).then(function () { loading--; pump(); });
    }
  }

  function filterData(meta) {
    if (!meta.filterFile) meta.filterFile = fetchJson(new URL("filters.json.gz", meta.base));
    return meta.filterFile;
  }

  function postings(meta, key) {
    return shard(meta, fnv1a(key) % meta.shards).then(function (s) {
      return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
    });
  }

  /** Start fetching the shards of what is typed so far (each file is fetched once): those that
   *  find the terms (a phrase's pairs, a single syllable). */
  function preload(text) {
    var keys = [];
    parseQuery(text).terms.forEach(function (t) { keys.push.apply(keys, t.syllables.length > 1 ? pairsOf(t) : t.syllables); });
    if (!keys.length) return;
    loadIndex().then(function (meta) {
      keys.forEach(function (k) { shard(meta, fnv1a(k) % meta.shards); });
    }).catch(function () { /* the search itself reports it */ });
  }

  /** The candidates of a query, best BM25 first: {exact, loose}, lists of {doc, score}.
   *  exact: the documents holding every term (each phrase's every pair). loose(): a promise of
   *  the documents holding every syllable but not every phrase (quoted phrases still whole),
   *  loaded only when asked: the syllables of a phrase are not needed to find the phrase. */
  function searchIndex(parsed, filters) {
    return loadIndex().then(function (meta) {
      var needFilters = filters && Object.keys(filters).length;
      // the keys that find every term: a phrase's pairs, a single syllable itself
      var exactKeys = unique([].concat.apply([], parsed.terms.map(function (t) {
        return t.syllables.length > 1 ? pairsOf(t) : t.syllables;
      })));
      return Promise.all([
        lists(meta, exactKeys),
        needFilters || !exactKeys.length ? filterData(meta) : null
      ]).then(function (loaded) {
        var fdata = loaded[1];
        var allow = needFilters ? filterCheck(fdata, filters) : null;
        if (!exactKeys.length) {
          var listed = [];
          for (var d = 0; d < meta.count; d++) if (!allow || allow(d)) listed.push({ doc: d, score: 0 });
          var dates = fdata.date;
          listed.sort(function (x, y) { return dates[y.doc] < dates[x.doc] ? -1 : dates[y.doc] > dates[x.doc] ? 1 : x.doc - y.doc; });
          return { exact: listed, loose: function () { return Promise.resolve([]); } };
        }
        var exact = intersect(meta, loaded[0], allow);
        var looseFound = null;
        return {
          exact: ranked(exact),
          loose: function () {
            if (!parsed.canFallback) return Promise.resolve([]);
            if (!looseFound) {
              // every syllable, and the pairs of quoted phrases
              var keys = [];
              parsed.terms.forEach(function (t) { keys.push.apply(keys, t.quoted ? pairsOf(t).concat(t.syllables) : t.syllables); });
              looseFound = lists(meta, unique(keys)).then(function (found) {
                var all = intersect(meta, found, allow), out = new Map();
                all.forEach(function (score, d) { if (!exact.has(d)) out.set(d, score); });
                return ranked(out);
              });
            }
            return looseFound;
          }
        };
      });
    });
  }

  /** The decoded postings of some index terms (empty when a term is not in the index). */
  function lists(meta, keys) {
    return Promise.all(keys.map(function (k) {
      return postings(meta, k).then(function (entry) { return entry ? decode(entry) : { docs: [], counts: [] }; });
    }));
  }

  function ranked(scores) {
    var out = [];
    scores.forEach(function (score, d) { out.push({ doc: d, score: score }); });
    return out.sort(byScore);
  }

  function byScore(x, y) { return y.score - x.score || x.doc - y.doc; }

  /** The documents in every list (and allowed), with the sum of their BM25 scores. */
  function intersect(meta, lists, allow) {
    var scores = new Map();
    if (!lists.length) return scores;
    lists = lists.slice().sort(function (a, b) { return a.docs.length - b.docs.length; });
    var first = lists[0];
    for (var i = 0; i < first.docs.length; i++) {
      if (!allow || allow(first.docs[i])) scores.set(first.docs[i], bm25(meta, first, i));
    }
    for (var k = 1; k < lists.length && scores.size; k++) {
      var next = new Map(), list = lists[k];
      for (var j = 0; j < list.docs.length; j++) {
        var have = scores.get(list.docs[j]);
        if (have !== undefined) next.set(list.docs[j], have + bm25(meta, list, j));
      }
      scores = next;
    }
    return scores;
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

  // --- Checking and ranking the candidates ----------------------------------------------------

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

  /** Every word of a document, block by block, with its break segment. */
  function documentWords(data) {
    if (data.words) return data.words;
    var words = [], seg = 0;
    data.blocks.forEach(function (block, b) {
      var tokens = tokenize(block[1].normalize("NFC"), seg + 1);
      tokens.forEach(function (t, i) {
        t.block = b;
        t.index = i;
        t.fold = foldWord(t.word);
        words.push(t);
      });
      seg = tokens.length ? tokens[tokens.length - 1].seg : seg + 1;
    });
    data.words = words;
    return words;
  }

  /** Where the query's terms stand in a document: does it hold every phrase (exact), how well
   *  does it match (tier), which block to show and link to (at), what to mark there (spans). */
  function analyse(parsed, data) {
    var words = documentWords(data);
    var qSyllables = [];
    parsed.terms.forEach(function (t) { qSyllables.push.apply(qSyllables, t.syllables); });
    var found = parsed.terms.map(function () { return []; });   // per term: [start, length, exact]
    var hits = [];                                              // positions of any query syllable
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (qSyllables.indexOf(w.fold) < 0) continue;
      hits.push(i);
      parsed.terms.forEach(function (term, t) {
        var n = term.syllables.length;
        if (term.syllables[0] !== w.fold || i + n > words.length) return;
        var exact = exactWord(w.word) === term.exacts[0];
        for (var j = 1; j < n; j++) {
          var next = words[i + j];
          if (next.fold !== term.syllables[j] || next.seg !== w.seg) return;
          exact = exact && exactWord(next.word) === term.exacts[j];
        }
        found[t].push([i, n, exact]);
      });
    }
    // exact spelling of every query syllable somewhere (the query's own word, not its syllable)
    var spelled = 0, k = 0;
    parsed.terms.forEach(function (term) {
      term.exacts.forEach(function (e) {
        if (words.some(function (w) { return w.fold === qSyllables[k] && exactWord(w.word) === e; })) spelled++;
        k++;
      });
    });
    var allExact = spelled === qSyllables.length && qSyllables.length > 0;
    var holds = found.every(function (f) { return f.length > 0; });
    var holdsExact = holds && found.every(function (f) { return f.some(function (o) { return o[2]; }); });
    var tier = holdsExact ? 3 : allExact ? (holds ? 2.5 : 2) : holds ? 1 : 0;
    // The document whose own number is the query ("2108", "08-CT/TU") comes first; then
    // documents with the terms in their title.
    var own = terms((data.meta || {})["số"] || "").join(" ");
    if (qSyllables.length && own && (" " + own + " ").indexOf(" " + qSyllables.join(" ") + " ") >= 0) tier += 2;
    if (holds && found.every(function (f) {
      return f.some(function (o) { return data.blocks[words[o[0]].block][0] === "van-ban"; });
    })) tier += 0.75;
    // What to mark: the phrases (and single-syllable terms) when the document holds them all,
    // else every query syllable.
    var spans = [];
    // [first word, last word, exact spelling, what it counts for in choosing the block]
    if (holds) found.forEach(function (f, t) { f.forEach(function (o) { spans.push([o[0], o[0] + o[1] - 1, o[2], t]); }); });
    else hits.forEach(function (p) { spans.push([p, p, false, words[p].fold]); });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    // The block to show: most distinct terms (syllables when loose), an exact spelling, an id.
    var perBlock = new Map();
    spans.forEach(function (span) {
      var b = words[span[0]].block, entry = perBlock.get(b);
      if (!entry) { entry = { block: b, first: span[0], units: {}, exact: false }; perBlock.set(b, entry); }
      entry.units[span[3]] = true;
      if (span[2] && !entry.exact) { entry.exact = true; entry.first = span[0]; }
    });
    var best = null, bestScore = -1;
    perBlock.forEach(function (entry) {
      var score = Object.keys(entry.units).length * 10 + (entry.exact ? 5 : 0) + (data.blocks[entry.block][0] ? 1 : 0);
      if (score > bestScore) { best = entry; bestScore = score; }
    });
    return {
      exact: holds,
      // every quoted phrase is there (a document may then be listed with the words apart)
      quotedHeld: parsed.terms.every(function (t, i) { return !t.quoted || found[i].length > 0; }),
      tier: tier,
      at: best ? { block: best.block, word: best.first } : { block: 0, word: -1 },
      spans: spans
    };
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

  /** Some words of the block around the match (HTML), the phrases marked as wholes. */
  function snippet(data, analysis) {
    var at = analysis.at;
    var text = data.blocks[at.block][1];
    var words = documentWords(data);
    var inBlock = words.filter(function (w) { return w.block === at.block; });
    if (!inBlock.length) return escapeHtml(text.replace(/\s+/g, " "));
    var index = at.word >= 0 ? words[at.word].index : 0;
    var from = Math.max(0, index - 10), to = Math.min(inBlock.length, index + 26);
    var start = from > 0 ? inBlock[from].start : 0;
    var end = to < inBlock.length ? inBlock[to - 1].end : text.length;
    var out = "", cursor = start;
    analysis.spans.forEach(function (span) {
      var a = words[span[0]], b = words[span[1]];
      if (a.block !== at.block || a.start < cursor || b.end > end) return;
      out += escapeHtml(text.slice(cursor, a.start)) + "<mark>" + escapeHtml(text.slice(a.start, b.end)) + "</mark>";
      cursor = b.end;
    });
    out += escapeHtml(text.slice(cursor, end));
    return (from > 0 ? "… " : "") + out.replace(/\s+/g, " ").trim() + (to < inBlock.length ? " …" : "");
  }

  /** Load, check and order one batch of candidates: rows with .exact (holds every phrase).
   *  Rejects with SUPERSEDED when `current()` turns false before its files are loaded. */
  function rank(parsed, batch, current) {
    return loadIndex().then(function (meta) {
      return Promise.all(batch.map(function (item, order) {
        return doc(meta, item.doc, current).then(function (data) {
          var analysis = parsed.terms.length ? analyse(parsed, data) : null;
          var published = ((data.filters || {})["công bố"] || [FULL_TEXT])[0] === FULL_TEXT;
          return {
            data: data,
            exact: analysis ? analysis.exact : true,
            quotedHeld: analysis ? analysis.quotedHeld : true,
            tier: analysis ? analysis.tier : 0,
            full: published ? 1 : 0,
            order: order,
            analysis: analysis
          };
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
    var text = h1[1].replace(/\s+/g, " ");
    return heading && text.toUpperCase().indexOf(heading.toUpperCase()) === 0 ? text.slice(heading.length).trim() : text;
  }

  function present(row) {
    var data = row.data, meta = data.meta || {}, filters = data.filters || {};
    var anchor = row.analysis ? anchorFor(data, row.analysis.at.block) : "";
    var url = new URL(data.url.replace(/^\//, ""), root).pathname + (anchor ? "#" + anchor : "");
    var heading = [meta["loại"], meta["số"]].filter(Boolean).join(" ");
    var published = (filters["công bố"] || [FULL_TEXT])[0];
    return {
      url: url,
      exact: row.exact,
      quotedHeld: row.quotedHeld,
      heading: heading || "Văn bản",
      title: meta.title || titleLine(data, heading),
      issuer: meta["cơ quan"] || "",
      date: meta["ngày"] || "",
      where: anchor ? anchorLabel(anchor) : "",
      catalogued: published !== FULL_TEXT ? published : "",
      snippet: row.analysis ? snippet(data, row.analysis) : ""
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

  /** What the result lists hold for a query: "phrase" (documents with every term; those with
   *  the syllables apart come after), "fallback" (no document has every phrase: the syllables
   *  apart), "plain" (no phrase), "none", "list" (filters only); on the page, data-mode of
   *  #search-results once a search is done ("empty": nothing to search). */
  function modeOf(parsed, found, loose) {
    if (!parsed.terms.length) return "list";
    if (!parsed.phrase) return found.exact.length ? "plain" : "none";
    if (found.exact.length) return "phrase";
    return loose.length ? "fallback" : "none";
  }

  /** The candidates and the mode; the loose list is loaded only when there is no phrase match. */
  function candidates(parsed, filters) {
    return searchIndex(parsed, filters).then(function (found) {
      var wait = parsed.phrase && !found.exact.length ? found.loose() : Promise.resolve([]);
      return wait.then(function (loose) {
        return { found: found, mode: modeOf(parsed, found, loose), fallback: loose };
      });
    });
  }

  function fallbackText(parsed, count) {
    var phrases = parsed.terms.filter(function (t) { return t.syllables.length > 1 && !t.quoted; });
    var what = parsed.terms.length > 1
      ? "cả " + quoteList(parsed.terms.map(function (t) { return t.text; }))
      : "cụm từ " + quoteList(phrases.map(function (t) { return t.text; }));
    return "Không có văn bản chứa đúng " + what + "; kết quả chứa các từ rời: " + number(count) + " văn bản có đủ các từ " +
      syllableList(parsed) + ".";
  }

  /** Why a document is in the list of syllables apart. */
  function apartText(parsed) {
    if (parsed.terms.length === 1) return "không đứng liền nhau thành cụm từ " + quoteList([parsed.terms[0].text]);
    var phrases = parsed.terms.filter(function (t) { return t.syllables.length > 1; });
    return "không có đủ các cụm từ " + quoteList(phrases.map(function (t) { return t.text; }));
  }

  // --- Header box -------------------------------------------------------------------------

  /** What the header box shows for a query's candidates: { mode, items, count, checked }.
   *  A phrase shows the candidates that hold it; when none does and every one was checked, the
   *  words apart (when the query allows it), said so. */
  function dropdownResults(parsed, c, current) {
    var from = c.mode === "fallback" ? c.fallback : c.found.exact;
    return rank(parsed, from.slice(0, DROPDOWN_CANDIDATES), current).then(function (items) {
      if (c.mode !== "phrase") return { mode: c.mode, items: items, count: from.length };
      var shown = items.filter(function (item) { return item.exact; });
      var failed = items.length - shown.length;
      var checked = c.found.exact.length <= DROPDOWN_CANDIDATES;
      if (shown.length || !checked) {
        return { mode: "phrase", items: shown, count: c.found.exact.length - failed, checked: checked };
      }
      // No candidate held the whole phrase: the words apart, if allowed.
      var apart = items.filter(function (item) { return item.quotedHeld; });
      return c.found.loose().then(function (loose) {
        if (!parsed.canFallback || !(loose.length + apart.length)) return { mode: "none", items: [], count: 0 };
        return rank(parsed, loose.slice(0, DROPDOWN_CANDIDATES), current).then(function (more) {
          return { mode: "fallback", items: apart.concat(more), count: loose.length + apart.length };
        });
      });
    });
  }

  function setupHeader(form) {
    var input = form.querySelector("input[name=q]");
    var toggle = document.getElementById("__search");
    var list = document.getElementById("vb-search-list");
    var status = document.getElementById("vb-search-status");
    var more = document.getElementById("vb-search-more");
    var counter = 0, active = -1;
    input.maxLength = MAX_QUERY;

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
      var query = input.value.trim(), parsed = parseQuery(query), mine = ++counter;
      var current = function () { return mine === counter; };
      more.href = new URL("tim-kiem/", root).pathname + (query ? "?q=" + encodeURIComponent(query).replace(/%20/g, "+") : "");
      more.hidden = !query;
      if (!parsed.terms.length) {
        list.innerHTML = "";
        status.textContent = "Gõ từ cần tìm, có dấu hoặc không dấu";
        return;
      }
      status.textContent = "Đang tìm…";
      candidates(parsed).then(function (c) {
        return mine === counter ? dropdownResults(parsed, c, current) : null;
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
        if (out.mode === "fallback") status.textContent = fallbackText(parsed, out.count);
        else if (out.mode === "none" || !out.count) status.textContent = "Không tìm thấy văn bản nào có " + describe(parsed);
        else {
          status.textContent = "Có " + (parsed.approximate && out.mode === "phrase" && !out.checked ? "khoảng " : "") +
            number(out.count) + " văn bản có " + describe(parsed);
        }
        more.textContent = "Xem tất cả kết quả";
        open(true);
      }).catch(function (error) {
        if (mine !== counter) return;  // replaced by a newer query, which reports for itself
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

  /** Candidates shown in batches in one list. `failed`: candidates that did not hold the
   *  phrase; `demoted`: those, moved here from the phrase list (`received` in all). */
  function stream(candidates, list) {
    return { candidates: candidates, next: 0, pending: [], shown: 0, failed: 0, demoted: [], received: 0, list: list };
  }

  /** How many documents a stream holds, as far as known. */
  function total(s) {
    return s.candidates.length - s.failed + s.received;
  }

  /** The next page of a stream's loaded rows into its list (the demoted rows first). */
  function flush(s) {
    if (s.demoted.length) { s.pending = s.demoted.concat(s.pending); s.demoted = []; }
    s.pending.splice(0, PAGE).forEach(function (item) { s.list.appendChild(renderItem(item)); s.shown++; });
  }

  /** Rows of a stream not shown yet (loaded or not). */
  function remaining(s) {
    return s.pending.length + s.demoted.length + s.candidates.length - s.next;
  }

  /** The search page's filter menus: every value with its count of documents, the value the
   *  URL asks for chosen (kept, even when the index does not know it). */
  function fillFilterMenus(selects, fdata, params) {
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
  }

  function setupPage(container) {
    var form = document.getElementById("vb-search-form");
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("vb-search-page-status");
    var moreButton = document.getElementById("vb-search-page-more");
    var looseSection = document.getElementById("vb-search-loose");
    var looseStatus = document.getElementById("vb-search-loose-status");
    var looseContainer = document.getElementById("search-results-loose");
    var looseButton = document.getElementById("vb-search-loose-more");
    var selects = {};
    FILTERS.forEach(function (f) { selects[f[0]] = form.querySelector("select[name='" + f[0] + "']"); });
    input.maxLength = MAX_QUERY;
    var counter = 0, state = null, fresh = true;

    /** Put a URL's query and filters into the form. */
    function applyParams(params) {
      input.value = (params.get("q") || "").slice(0, MAX_QUERY);
      FILTERS.forEach(function (f) {
        var select = selects[f[0]];
        if (!select) return;
        var wanted = params.get(f[0]) || "";
        if (wanted && !Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
          select.add(new Option(wanted, wanted));
        }
        select.value = wanted;
      });
    }
    function chosenFilters() {
      var filters = {};
      FILTERS.forEach(function (f) {
        var value = selects[f[0]] && selects[f[0]].value;
        if (value) filters[f[1]] = value;
      });
      return filters;
    }
    /** The URL of the form's search; a new history entry (push) or the current one. */
    function syncUrl(push) {
      var out = new URLSearchParams();
      var query = input.value.trim();
      if (query) out.set("q", query);
      FILTERS.forEach(function (f) { if (selects[f[0]] && selects[f[0]].value) out.set(f[0], selects[f[0]].value); });
      var text = out.toString();
      var url = location.pathname + (text ? "?" + text : "");
      if (url === location.pathname + location.search) return;
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    function fillFilters(meta) {
      return filterData(meta).then(function (fdata) {
        fillFilterMenus(selects, fdata, new URLSearchParams(location.search));
      });
    }
    function newList(parent) {
      var list = document.createElement("ol");
      list.className = "vb-results";
      parent.appendChild(list);
      return list;
    }

    /** Load batches of a stream until a page is ready. `checking`: rows failing the phrase check
     *  are not results; they move to the list of the words apart when they may be listed there. */
    function fill(s, checking, mine) {
      var batches = 0;
      function step() {
        if (mine !== counter || s.pending.length >= PAGE || s.next >= s.candidates.length || batches >= BATCHES) {
          return Promise.resolve();
        }
        var batch = s.candidates.slice(s.next, s.next + CANDIDATES);
        s.next += batch.length;
        batches++;
        return rank(state.parsed, batch, function () { return mine === counter; }).then(function (items) {
          if (mine !== counter) return;
          items.forEach(function (item) {
            if (!checking || item.exact) s.pending.push(item);
            else {
              s.failed++;
              if (state.loose && item.quotedHeld) { state.loose.demoted.push(item); state.loose.received++; }
            }
          });
          return step();
        });
      }
      return step();
    }
    /** The list of the words apart, its candidates loaded from the index on first use. */
    function looseReady(mine) {
      var loose = state.loose;
      if (loose.loaded) return Promise.resolve(loose);
      return state.found.loose().then(function (candidates) {
        if (mine === counter && !loose.loaded) { loose.candidates = candidates; loose.loaded = true; }
        return loose;
      });
    }

    function showMain() {
      var mine = counter, main = state.main;
      moreButton.hidden = true;
      container.setAttribute("aria-busy", "true");
      return fill(main, state.mode === "phrase", mine).then(function () {
        if (mine !== counter) return null;
        if (state.mode === "phrase" && !main.shown && !main.pending.length && main.next >= main.candidates.length) {
          // Every candidate held the pairs but not the whole phrase: the words apart, if allowed.
          if (!state.loose) { state.mode = "none"; describeState(); return null; }
          return looseReady(mine).then(function (loose) {
            if (mine !== counter) return null;
            state.loose = null;
            state.mode = total(loose) ? "fallback" : "none";
            if (state.mode === "none") { describeState(); return null; }
            state.main = loose;
            loose.list = main.list;
            return showMain();
          });
        }
        flush(main);
        moreButton.hidden = !remaining(main);
        describeState();
        if (state.loose && !remaining(main) && !state.loose.shown) return showLoose(false);
        return null;
      }).then(function () {
        if (mine === counter) container.removeAttribute("aria-busy");
      });
    }
    /** Show the next page of the words apart (`asked`: the reader pressed the button). */
    function showLoose(asked) {
      var mine = counter;
      looseButton.hidden = true;
      looseContainer.setAttribute("aria-busy", "true");
      return looseReady(mine).then(function (loose) {
        if (mine !== counter) return null;
        loose.asked = loose.asked || asked;
        return fill(loose, false, mine).then(function () {
          if (mine !== counter) return;
          flush(loose);
          looseButton.textContent = "Xem thêm";
          looseButton.hidden = !remaining(loose);
          describeState();
        });
      }).then(function () {
        if (mine === counter) looseContainer.removeAttribute("aria-busy");
      });
    }
    /** The counts, as matched so far (a phrase of three syllables or more is checked in each
     *  document shown: until all are checked, its count is an estimate and says so). */
    function describeState() {
      var parsed = state.parsed, main = state.main, loose = state.loose;
      var count = total(main);
      var unchecked = parsed.approximate && state.mode === "phrase" && main.next < main.candidates.length;
      var text;
      if (state.mode === "list") text = "Tìm thấy " + number(count) + " văn bản";
      else if (state.mode === "fallback") text = fallbackText(parsed, count);
      else if (state.mode === "none" || !count) {
        text = "Không tìm thấy văn bản nào có " + describe(parsed) + ". Thử bỏ bớt từ hoặc bộ lọc.";
      } else text = "Tìm thấy " + (unchecked ? "khoảng " : "") + number(count) + " văn bản có " + describe(parsed);
      status.textContent = text;
      container.setAttribute("data-count", String(state.mode === "none" ? 0 : count));
      container.setAttribute("data-mode", state.mode);
      looseSection.hidden = !loose || (loose.loaded && !total(loose) && !loose.asked);
      if (!loose || looseSection.hidden) return;
      var why = " có đủ các từ " + syllableList(parsed) + " nhưng " + apartText(parsed) + ".";
      if (!loose.loaded) {
        looseStatus.textContent = "Các văn bản khác" + why;
        looseContainer.removeAttribute("data-count");
        looseButton.textContent = "Xem các văn bản này";
        looseButton.hidden = false;
        return;
      }
      var looseCount = total(loose);
      looseStatus.textContent = looseCount
        ? (unchecked ? "Ít nhất " : "") + number(looseCount) + " văn bản khác" + why
        : "Không có văn bản nào khác" + why;
      looseContainer.setAttribute("data-count", String(looseCount));
    }

    function run(push) {
      var parsed = parseQuery(input.value), filters = chosenFilters(), mine = ++counter;
      syncUrl(push);
      container.innerHTML = "";
      looseContainer.innerHTML = "";
      container.removeAttribute("data-mode");
      container.removeAttribute("data-count");
      looseSection.hidden = true;
      looseButton.hidden = true;
      moreButton.hidden = true;
      if (!parsed.terms.length && !Object.keys(filters).length) {
        status.textContent = "Nhập từ cần tìm: có dấu hoặc không dấu, số ký hiệu (08-CT/TU), tên người, cụm từ…";
        container.setAttribute("data-mode", "empty");
        return Promise.resolve();
      }
      status.textContent = "Đang tìm…";
      container.setAttribute("aria-busy", "true");
      return candidates(parsed, filters).then(function (c) {
        if (mine !== counter) return null;
        var main = stream(c.mode === "fallback" ? c.fallback : c.found.exact, newList(container));
        var loose = c.mode === "phrase" && parsed.canFallback ? stream([], newList(looseContainer)) : null;
        state = { parsed: parsed, mode: c.mode, found: c.found, main: main, loose: loose };
        if (c.mode === "none") { describeState(); return null; }
        return showMain();
      }).catch(function (error) {
        if (mine !== counter) return;  // replaced by a newer query, which reports for itself
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
      timer = setTimeout(function () { run(fresh); fresh = false; }, DEBOUNCE);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run(fresh);
      fresh = true;
    });
    FILTERS.forEach(function (f) {
      if (selects[f[0]]) selects[f[0]].addEventListener("change", function () { run(true); fresh = true; });
    });
    window.addEventListener("popstate", function () {
      clearTimeout(timer);
      applyParams(new URLSearchParams(location.search));
      fresh = true;
      run(false);
    });
    function quiet(error) { if (error !== SUPERSEDED && window.console) console.error(error); }
    moreButton.addEventListener("click", function () { showMain().catch(quiet); });
    looseButton.addEventListener("click", function () { showLoose(true).catch(quiet); });
    applyParams(new URLSearchParams(location.search));
    loadIndex().then(fillFilters).catch(function () { /* filters stay empty */ }).then(function () { run(false); });
  }

  function start() {
    var header = document.getElementById("vb-search-form-header");
    if (header) setupHeader(header);
    var results = document.getElementById("search-results");
    if (results) setupPage(results);
  }

  // Exposed for tests: the same folding, breaks and query reading as the index.
  window.vbSearch = {
    fold: fold, exactKey: exactKey, terms: terms, segments: segments, isBreak: isBreak,
    parseQuery: parseQuery, fnv1a: fnv1a, anchorLabel: anchorLabel
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
