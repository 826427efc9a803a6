// Tables. Long ones (class gz-table-long, from gz.tables.show): a search box filters the rows, a click on a header
// sorts by that column (numbers as numbers, "1,234.50" and "12.5%" included). No library, nothing fetched.
(function () {
  function value(cell) {
    var text = cell.textContent.trim();
    var number = parseFloat(text.replace(/,/g, "").replace(/%$/, ""));
    return text !== "" && /^[-+]?[\d,]*\.?\d+%?$/.test(text) ? number : text;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (typeof a === "number") return -1;
    if (typeof b === "number") return 1;
    return String(a).localeCompare(String(b), "zh");
  }
  function enhance(table) {
    var body = table.tBodies[0];
    if (!body) return;
    var zh = (table.getAttribute("lang") || "zh") === "zh";
    var label = document.createElement("label");
    label.className = "gz-table-search";
    label.textContent = zh ? "搜索 " : "Search ";
    var input = document.createElement("input");
    input.type = "search";
    label.appendChild(input);
    table.parentNode.insertBefore(label, table);
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = query !== "" && row.textContent.toLowerCase().indexOf(query) < 0;
      });
    });
    var headers = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1].cells : [];
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "gz-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = compare(value(a.cells[column]), value(b.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  // Every table keeps its columns readable on a phone: a text column is never narrower than its longest
  // text or five characters, whichever is less (long names wrap at words, or every 5 Chinese characters), a
  // number never wraps; a table wider than the page scrolls sideways in its own box, with a cue saying so.
  function width(text) {  // in em: a Chinese character is 1 em wide, other characters about half of it
    var cjk = (text.match(/[\u3000-\u9fff\uff00-\uffef]/g) || []).length;
    return cjk + 0.55 * (text.length - cjk);
  }
  function isNumber(text) { return /^[-+−]?[\d,]*\.?\d+%?$/.test(text); }
  function fit(table) {
    if (table.closest(".gz-table-scroll, .vega-embed")) return;
    var columns = [];
    Array.prototype.forEach.call(table.rows, function (row) {
      var at = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        var text = cell.textContent.trim();
        if (isNumber(text)) cell.classList.add("gz-num");
        else if (cell.colSpan === 1) columns[at] = Math.max(columns[at] || 0, width(text));
        at += cell.colSpan;
      });
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      var at = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (cell.colSpan === 1 && columns[at]) cell.style.minWidth = Math.min(columns[at] + 0.5, 5) + "em";
        at += cell.colSpan;
      });
    });
    var box = document.createElement("div");
    box.className = "gz-table-box";
    var scroll = document.createElement("div");
    scroll.className = "gz-table-scroll";
    scroll.tabIndex = 0;  // reachable and scrollable by keyboard
    var zh = /^zh/.test(table.getAttribute("lang") || document.documentElement.lang || "");
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", zh ? "表格（可左右滚动）" : "Table (scrolls sideways)");
    var cue = document.createElement("p");
    cue.className = "gz-scroll-cue";
    cue.setAttribute("aria-hidden", "true");
    cue.textContent = zh ? "⇆ 表格较宽：左右滑动查看全部列" : "⇆ Wide table: scroll sideways to see every column";
    table.parentNode.insertBefore(box, table);
    box.appendChild(cue);
    box.appendChild(scroll);
    scroll.appendChild(table);
    function update() {
      var wide = scroll.scrollWidth > scroll.clientWidth + 1;
      box.classList.toggle("gz-overflows", wide);
      box.classList.toggle("gz-at-start", scroll.scrollLeft <= 1);
      box.classList.toggle("gz-at-end", scroll.scrollLeft + scroll.clientWidth >= scroll.scrollWidth - 1);
    }
    scroll.addEventListener("scroll", update, {passive: true});
    window.addEventListener("resize", update);
    update();
  }
  function start() {
    document.querySelectorAll("table.gz-table-long").forEach(enhance);
    document.querySelectorAll("main table").forEach(fit);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
