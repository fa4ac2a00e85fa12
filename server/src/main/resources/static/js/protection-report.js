// The protection report's charts: incidents per month stacked by category, and per center and team.
document.addEventListener("DOMContentLoaded", function () {
  var data = JSON.parse(document.getElementById("report-data").dataset.json);
  var texts = document.getElementById("protection-report").dataset;
  // Empty axes look like a chart that failed to load; say there is nothing to draw instead.
  function empty(id) {
    var node = document.getElementById(id);
    node.removeAttribute("role");
    node.classList.add("chart-empty");
    node.textContent = texts.textChartEmpty;
  }
  var anyIncident = Object.keys(data.byCategory).some(function (c) { return data.byCategory[c].some(function (n) { return n > 0; }); });
  var anyTeam = data.teamFigures.some(function (f) { return f.some(function (n) { return n > 0; }); });
  function key(name) { return "text" + name.toLowerCase().split("_").map(function (p) { return p.charAt(0).toUpperCase() + p.slice(1); }).join(""); }
  if (!anyIncident) { empty("report-month-chart"); } else echarts.init(document.getElementById("report-month-chart"), null, { renderer: "svg" }).setOption({
    animation: false, tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 48, bottom: 40 },
    xAxis: { type: "category", data: data.months }, yAxis: { type: "value", minInterval: 1 },
    series: Object.keys(data.byCategory).map(function (category) {
      return { name: texts[key(category)] || category, type: "bar", stack: "all", data: data.byCategory[category] };
    })
  });
  var names = [texts.textIncidents, texts.textWarnings, texts.textEnded, texts.textCounselling];
  if (!anyTeam) { empty("report-team-chart"); } else echarts.init(document.getElementById("report-team-chart"), null, { renderer: "svg" }).setOption({
    animation: false, tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 48, bottom: 64 },
    xAxis: { type: "category", data: data.teams, axisLabel: { interval: 0, rotate: 20 } }, yAxis: { type: "value", minInterval: 1 },
    series: names.map(function (name, i) {
      return { name: name, type: "bar", data: data.teamFigures.map(function (f) { return f[i]; }) };
    })
  });
});
