// Incidents of the last 30 days per center, stacked by category.
document.addEventListener("DOMContentLoaded", function () {
  var node = document.getElementById("incident-chart");
  var rows = JSON.parse(document.getElementById("incident-data").dataset.json);
  var texts = document.getElementById("incidents").dataset;
  var centers = Array.from(new Set(rows.map(function (r) { return r.center; })));
  var categories = Array.from(new Set(rows.map(function (r) { return r.category; })));
  // Empty axes look like a chart that failed to load; say there is nothing to draw instead.
  if (!rows.length) {
    node.removeAttribute("role");
    node.classList.add("chart-empty");
    node.textContent = texts.textChartEmpty;
    return;
  }
  echarts.init(node, null, { renderer: "svg" }).setOption({
    animation: false, tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 40 },
    xAxis: { type: "category", data: centers }, yAxis: { type: "value", minInterval: 1 },
    series: categories.map(function (category) {
      return { name: texts["text" + category.charAt(0) + category.slice(1).toLowerCase()] || category, type: "bar", stack: "all",
               data: centers.map(function (center) {
                 var row = rows.find(function (r) { return r.center === center && r.category === category; });
                 return row ? row.incidents : 0;
               }) };
    })
  });
});
