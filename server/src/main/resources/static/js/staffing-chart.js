// Draws service level and ASA against the number of agents, so the planner sees the curve and
// where the answer sits on it. Runs on page load and again whenever htmx swaps in a new answer.
(function () {
  function draw() {
    var container = document.getElementById("staffing-chart");
    var data = document.getElementById("staffing-curve");
    if (!container || !data || typeof echarts === "undefined") {
      return;
    }
    var curve = JSON.parse(data.dataset.json);
    var chosen = Number(container.dataset.agents);
    var target = Number(container.dataset.target);
    var chart = echarts.getInstanceByDom(container) || echarts.init(container, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 52, right: 60, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", name: container.dataset.labelAgents, nameLocation: "middle", nameGap: 26,
               data: curve.map(function (p) { return p.agents; }) },
      yAxis: [
        { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        { type: "value", min: 0, axisLabel: { formatter: "{value}s" }, splitLine: { show: false } }
      ],
      series: [
        { name: container.dataset.labelSl, type: "line", smooth: true, yAxisIndex: 0,
          data: curve.map(function (p) { return +(p.serviceLevel * 100).toFixed(1); }),
          // Each line says what it marks: the target inside the plot (at the end it ran into the right axis's
          // labels), the chosen number of agents on the vertical line (it used to repeat the target).
          markLine: { symbol: "none", lineStyle: { type: "dashed" },
                      data: [{ yAxis: target, label: { formatter: target + "%", position: "insideEndTop" } },
                             { xAxis: String(chosen), label: { formatter: String(chosen) } }] } },
        { name: container.dataset.labelOccupancy, type: "line", smooth: true, yAxisIndex: 0,
          data: curve.map(function (p) { return +(p.occupancy * 100).toFixed(1); }) },
        { name: container.dataset.labelAsa, type: "line", smooth: true, yAxisIndex: 1,
          data: curve.map(function (p) {
            return p.averageSpeedOfAnswerSeconds === null ? null : +p.averageSpeedOfAnswerSeconds.toFixed(1);
          }) }
      ]
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
  window.addEventListener("resize", function () {
    var container = document.getElementById("staffing-chart");
    if (container && typeof echarts !== "undefined" && echarts.getInstanceByDom(container)) {
      echarts.getInstanceByDom(container).resize();
    }
  });
})();
