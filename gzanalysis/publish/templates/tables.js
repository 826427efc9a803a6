// Long tables (class gz-table-long, from gz.tables.show): a search box filters the rows, a click on a header
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
  function start() { document.querySelectorAll("table.gz-table-long").forEach(enhance); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
