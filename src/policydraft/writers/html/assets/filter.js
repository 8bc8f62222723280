/* Filters the signatory list as one types. Without JavaScript the whole list shows and the
   search box stays hidden. Each row's search text is lowercase with accents removed; rows that
   need more than lowercasing carry it in data-s. Rows are compared in one loop, after the
   typing pauses, and only rows whose state changes are touched. */
(function () {
  "use strict";
  var box = document.getElementById("pd-search");
  var input = document.getElementById("pd-q");
  var status = document.getElementById("pd-shown");
  var list = document.getElementById("pd-list");
  if (!box || !input || !status || !list) { return; }
  var rows = list.getElementsByTagName("li");
  var groups = list.querySelectorAll(".pd-group");
  var total = rows.length, keys = null, owner = null, timer = 0, last = "";
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  }
  function index() {
    keys = new Array(total);
    owner = new Int32Array(total).fill(-1);
    for (var i = 0; i < total; i++) {
      keys[i] = rows[i].getAttribute("data-s") || rows[i].textContent.toLowerCase();
    }
    var at = 0;
    for (var g = 0; g < groups.length; g++) {
      var n = groups[g].getElementsByTagName("li").length;
      for (var k = 0; k < n; k++) { owner[at + k] = g; }
      at += n;
    }
  }
  function apply() {
    var query = fold(input.value).trim();
    if (query === last) { return; }
    last = query;
    if (keys === null) { index(); }
    var terms = query ? query.split(/\s+/) : [];
    var shown = 0, seen = new Int32Array(groups.length);
    for (var i = 0; i < total; i++) {
      var hit = true;
      for (var t = 0; t < terms.length && hit; t++) { hit = keys[i].indexOf(terms[t]) !== -1; }
      if (rows[i].hidden === hit) { rows[i].hidden = !hit; }
      if (hit) { shown++; if (owner[i] >= 0) { seen[owner[i]]++; } }
    }
    for (var g = 0; g < groups.length; g++) {
      var empty = seen[g] === 0;
      if (groups[g].hidden !== empty) { groups[g].hidden = empty; }
    }
    status.textContent = shown.toLocaleString("en-US") + " of " + total.toLocaleString("en-US") + " signatories shown";
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, total > 20000 ? 150 : 60);
  });
  box.hidden = false;
}());
