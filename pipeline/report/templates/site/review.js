/* unnotes review site: sortable, filterable tables drawn lazily from JSON, and
   a flash on the sentence a link points to. No network, no library.

   A table is <div class="dtable" data-src="ID"> plus <script type="application/json" id="ID">
   {"cols": [[label, kind], ...], "rows": [[cell, ...], ...], "doc": column of the document
   menu or -1}. Kinds: text, long, num, link (cell [text, href]), flags (cell [[class, text], ...]).
   Every row stays in the data (no cut): rows are drawn CHUNK at a time as the reader scrolls.
   A long table also has "total" and "parts": script files calling unnotesRows(ID, rows), loaded
   one after another once the first rows are drawn; filters and sorts take in each part as it comes. */
(function () {
  "use strict";
  var CHUNK = 200;
  var TABLES = {};
  window.unnotesRows = function (id, rows) { if (TABLES[id]) { TABLES[id].add(rows); } };
  var ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#x27;"};
  function esc(s) { return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }

  function cellText(kind, v) {
    if (kind === "link") { return v ? String(v[0]) : ""; }
    if (kind === "flags") { return (v || []).map(function (f) { return f[1]; }).join(" "); }
    return v === null || v === undefined ? "" : String(v);
  }
  function cellHtml(kind, v) {
    if (kind === "link") { return v && v[1] ? "<a href=\"" + esc(v[1]) + "\">" + esc(v[0]) + "</a>" : esc(v ? v[0] : ""); }
    if (kind === "flags") {
      return (v || []).map(function (f) { return "<span class=\"badge badge-" + esc(f[0]) + "\">" + esc(f[1]) + "</span>"; }).join(" ");
    }
    return esc(v);
  }

  function Table(host, spec) {
    var cols = spec.cols, rows = spec.rows, docCol = spec.doc === undefined ? -1 : spec.doc;
    var texts = null, hits = rows.map(function (_, i) { return i; }), shown = 0;
    var sortCol = -1, sortDir = 1;

    var bar = document.createElement("div");
    bar.className = "filters";
    var input = document.createElement("input");
    input.type = "search"; input.className = "filter-text";
    input.placeholder = "Filter " + (host.getAttribute("data-name") || "rows") + "…";
    input.setAttribute("aria-label", input.placeholder);
    bar.appendChild(input);
    var menu = null;
    if (docCol >= 0) {
      menu = document.createElement("select");
      menu.className = "filter-doc"; menu.setAttribute("aria-label", "Document");
      var seen = {}, opts = ["<option value=\"\">All documents</option>"];
      rows.forEach(function (r) {
        var d = cellText(cols[docCol][1], r[docCol]);
        if (!seen[d]) { seen[d] = 1; opts.push("<option>" + esc(d) + "</option>"); }
      });
      menu.innerHTML = opts.join("");
      bar.appendChild(menu);
    }
    var count = document.createElement("span");
    count.className = "count";
    bar.appendChild(count);
    host.appendChild(bar);

    var scroll = document.createElement("div");
    scroll.className = "scroll";
    var table = document.createElement("table");
    table.className = "data";
    var head = "<thead><tr>" + cols.map(function (c, i) {
      return "<th class=\"c-" + esc(c[1]) + "\" data-col=\"" + i + "\" title=\"Sort\">" + esc(c[0]) + "<span class=\"arrow\"></span></th>";
    }).join("") + "</tr></thead>";
    table.innerHTML = head + "<tbody></tbody>";
    var tbody = table.querySelector("tbody");
    scroll.appendChild(table);
    var sentinel = document.createElement("div");
    sentinel.className = "sentinel";
    scroll.appendChild(sentinel);
    host.appendChild(scroll);

    function rowHtml(i) {
      var r = rows[i], h = "<tr" + (spec.cls && spec.cls[i] ? " class=\"" + esc(spec.cls[i]) + "\"" : "") + ">";
      for (var c = 0; c < cols.length; c++) { h += "<td class=\"c-" + cols[c][1] + "\">" + cellHtml(cols[c][1], r[c]) + "</td>"; }
      return h + "</tr>";
    }
    function more() {
      if (shown >= hits.length) { return; }
      var end = Math.min(hits.length, shown + CHUNK), parts = [];
      for (var k = shown; k < end; k++) { parts.push(rowHtml(hits[k])); }
      tbody.insertAdjacentHTML("beforeend", parts.join(""));
      shown = end;
    }
    var total = spec.total || rows.length;
    function counted() {
      count.textContent = hits.length + " of " + rows.length + " rows" +
        (rows.length < total ? " (loading " + total + ")" : "");
    }
    function draw() {
      tbody.innerHTML = ""; shown = 0; more();
      counted();
    }
    function filtered() { return input.value.trim() !== "" || (menu && menu.value !== "") || sortCol >= 0; }
    this.add = function (more_rows) {
      var from = rows.length;
      Array.prototype.push.apply(rows, more_rows);
      texts = null;
      if (menu) {
        var have = {};
        Array.prototype.forEach.call(menu.options, function (o) { have[o.value || o.text] = 1; });
        more_rows.forEach(function (r) {
          var d = cellText(cols[docCol][1], r[docCol]);
          if (!have[d]) { have[d] = 1; var o = document.createElement("option"); o.textContent = d; menu.appendChild(o); }
        });
      }
      if (filtered()) { apply(); return; }
      for (var i = from; i < rows.length; i++) { hits.push(i); }
      counted();
      var r = sentinel.getBoundingClientRect(), box = scroll.getBoundingClientRect();
      if (r.top < box.bottom + 400) { more(); }
    };
    function apply() {
      if (texts === null) {
        texts = rows.map(function (r) { return r.map(function (v, c) { return cellText(cols[c][1], v); }).join(" ").toLowerCase(); });
      }
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var doc = menu ? menu.value : "";
      hits = [];
      for (var i = 0; i < rows.length; i++) {
        if (doc && cellText(cols[docCol][1], rows[i][docCol]) !== doc) { continue; }
        var t = texts[i], ok = true;
        for (var j = 0; j < terms.length; j++) { if (t.indexOf(terms[j]) === -1) { ok = false; break; } }
        if (ok) { hits.push(i); }
      }
      sortHits();
      draw();
    }
    function key(i) {
      var kind = cols[sortCol][1], v = cellText(kind, rows[i][sortCol]);
      if (kind === "num") { var n = parseFloat(v); return isNaN(n) ? -Infinity : n; }
      return v.toLowerCase();
    }
    function sortHits() {
      if (sortCol < 0) { return; }
      var keys = {};
      hits.forEach(function (i) { keys[i] = key(i); });
      hits.sort(function (a, b) { return keys[a] < keys[b] ? -sortDir : keys[a] > keys[b] ? sortDir : a - b; });
    }
    table.querySelector("thead").addEventListener("click", function (e) {
      var th = e.target.closest("th");
      if (!th) { return; }
      var c = parseInt(th.getAttribute("data-col"), 10);
      sortDir = c === sortCol ? -sortDir : 1;
      sortCol = c;
      Array.prototype.forEach.call(table.querySelectorAll("th"), function (x) { x.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      sortHits();
      draw();
    });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, rows.length > 5000 ? 200 : 0);
    });
    if (menu) { menu.addEventListener("change", apply); }
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries.some(function (en) { return en.isIntersecting; })) { more(); }
      }, {root: scroll, rootMargin: "400px"}).observe(sentinel);
    } else {
      scroll.addEventListener("scroll", function () {
        if (scroll.scrollTop + scroll.clientHeight > scroll.scrollHeight - 400) { more(); }
      });
    }
    draw();
  }

  function loadParts(files) {
    if (!files.length) { return; }
    var s = document.createElement("script");
    s.src = files[0];
    s.onload = function () { loadParts(files.slice(1)); };
    document.body.appendChild(s);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".dtable"), function (host) {
      var id = host.getAttribute("data-src"), src = document.getElementById(id);
      if (!src) { return; }
      var spec = JSON.parse(src.textContent);
      TABLES[id] = new Table(host, spec);
      if (spec.parts) { setTimeout(function () { loadParts(spec.parts); }, 0); }
    });
    flash();
  }
  // A link to a sentence (doc-3.html#m-120) scrolls to it and flashes it.
  function flash() {
    if (!location.hash) { return; }
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el) { return; }
    el.scrollIntoView({block: "center"});
    el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
  }
  window.addEventListener("hashchange", flash);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
