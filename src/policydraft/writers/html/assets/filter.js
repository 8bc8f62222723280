/* Searches the signatory list as one types. Without JavaScript the whole list shows and the
   search box stays hidden.
   Fast at 100,000 names: each row's search text (lowercase, accents removed) is read from the
   list once, in idle time after the page has loaded, into one array. A search is a plain loop
   over that array (or over the previous matches when the query only grew). While a query is
   typed the full list is hidden in one step and the first matches are copied into a short
   results list, grouped as in the letter; "Show all" copies the rest. Clearing the box brings
   the full list back. Rows whose search text differs from what the script computes (marked
   late signers) carry it in data-s. */
(function () {
  "use strict";
  var FIRST = 200;
  var box = document.getElementById("pd-search");
  var input = document.getElementById("pd-q");
  var status = document.getElementById("pd-shown");
  var list = document.getElementById("pd-list");
  var results = document.getElementById("pd-results");
  var all = document.getElementById("pd-all");
  if (!box || !input || !status || !list || !results || !all) { return; }
  var chunks = list.getElementsByClassName("pd-names");
  var groups = list.querySelectorAll(".pd-group");
  var total = list.getElementsByTagName("li").length, keys = new Array(total);
  var first = new Int32Array(chunks.length + 1), place = new Int32Array(total);
  var owner = new Int32Array(total), read = 0, last = "", hits = null, count = 0, queued = false;
  var accented = /[^\x00-\x7f]+/g;
  var idle = window.requestIdleCallback || function (work) {
    return setTimeout(function () { work({ timeRemaining: function () { return 8; } }); }, 1);
  };
  function bare(run) { return run.normalize("NFKD").replace(/\p{M}+/gu, ""); }
  function fold(text) { return text.replace(accented, bare).toLowerCase(); }
  function number(n) { return n.toLocaleString("en-US"); }
  function layout() {
    var g = -1, group = null;
    for (var c = 0; c < chunks.length; c++) {
      var holder = chunks[c].closest(".pd-group");
      if (holder !== group) { group = holder; g++; }
      first[c + 1] = first[c] + chunks[c].childElementCount;
      place.fill(c, first[c], first[c + 1]);
      owner.fill(g, first[c], first[c + 1]);
    }
  }
  function row(i) { return chunks[place[i]].children[i - first[place[i]]]; }
  function readChunk(c) {
    var ul = chunks[c], at = first[c], n = first[c + 1] - at;
    var lines = fold(ul.textContent).split("\n");
    for (var k = 0; k < n; k++) {
      keys[at + k] = lines.length === n + 2 ? lines[k + 1] : fold(ul.children[k].textContent);
    }
    var own = ul.querySelectorAll("li[data-s]");
    for (var m = 0; m < own.length; m++) {
      keys[at + Array.prototype.indexOf.call(ul.children, own[m])] = own[m].getAttribute("data-s");
    }
  }
  function readRows(deadline) {
    while (read < chunks.length && (!deadline || deadline.timeRemaining() > 3)) { readChunk(read++); }
    if (read < chunks.length) { idle(readRows); }
  }
  function matches(terms, from) {
    var found = new Int32Array(from ? from.length : total), n = 0;
    var size = from ? from.length : total;
    for (var j = 0; j < size; j++) {
      var i = from ? from[j] : j, key = keys[i], hit = true;
      for (var t = 0; t < terms.length && hit; t++) { hit = key.indexOf(terms[t]) !== -1; }
      if (hit) { found[n++] = i; }
    }
    return found.subarray(0, n);
  }
  function heading(group, shown) {
    var h = groups[group].querySelector("h3");
    if (!h) { return null; }
    var copy = document.createElement("h3");
    copy.textContent = h.textContent.replace(/\(([\d,]+)\)$/, "(" + number(shown) + " of $1)");
    return copy;
  }
  function show(upTo) {
    var shown = document.createDocumentFragment(), ul = null, group = -1, inGroup = null;
    if (groups.length) {
      inGroup = new Int32Array(groups.length);
      for (var k = 0; k < count; k++) { inGroup[owner[hits[k]]]++; }
    }
    for (var j = 0; j < upTo; j++) {
      var i = hits[j];
      if (ul === null || owner[i] !== group || ul.childElementCount === 500) {
        if (inGroup && owner[i] !== group) {
          var h = heading(owner[i], inGroup[owner[i]]);
          if (h) { shown.appendChild(h); }
        }
        group = owner[i];
        ul = shown.appendChild(document.createElement("ul"));
        ul.className = "pd-names";
      }
      ul.appendChild(row(i).cloneNode(true));
    }
    results.replaceChildren(shown);
    all.hidden = upTo >= count;
    all.textContent = "Show all " + number(count) + " matches";
    status.textContent = number(count) + " of " + number(total) + " signatories " +
      (upTo < count ? "match; the first " + number(upTo) + " are shown" : "shown");
  }
  function apply() {
    queued = false;
    var query = fold(input.value).trim().replace(/\s+/g, " ");
    if (query === last) { return; }
    if (read < chunks.length) { readRows(null); }
    if (query === "") {
      hits = null; count = total;
      results.replaceChildren();
      results.hidden = true; all.hidden = true; list.classList.remove("pd-away");
      status.textContent = number(total) + " of " + number(total) + " signatories shown";
    } else {
      var narrower = last !== "" && query.indexOf(last) === 0;
      hits = matches(query.split(" "), narrower ? hits : null);
      count = hits.length;
      show(Math.min(count, FIRST));
      results.hidden = false; list.classList.add("pd-away");
    }
    last = query;
  }
  layout();
  input.addEventListener("input", function () {
    if (!queued) { queued = true; requestAnimationFrame(apply); }
  });
  all.addEventListener("click", function () { show(count); input.focus(); });
  idle(readRows);
  box.hidden = false;
}());
