// Forecast page: daily contacts, history beside forecast. Plan page: contacts and the agents and
// headcount each interval needs. Data comes from JSON in a data attribute the page renders.
(function () {
  function chart(id) {
    var container = document.getElementById(id);
    if (!container || typeof echarts === "undefined") {
      return null;
    }
    return { container: container, chart: echarts.getInstanceByDom(container) || echarts.init(container, null, { renderer: "svg" }) };
  }

  function drawForecast() {
    var target = chart("forecast-chart");
    var data = document.getElementById("forecast-data");
    if (!target || !data) {
      return;
    }
    var parsed = JSON.parse(data.dataset.json);
    var labels = target.container.dataset;
    var days = parsed.history.concat(parsed.forecast);
    var holidays = days.filter(function (d) { return d.holiday; });
    target.chart.setOption({
      animation: false,
      grid: { left: 56, right: 20, top: 36, bottom: 60 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", renderMode: "richText" },
      dataZoom: [{ type: "slider", height: 18, bottom: 8 }],
      xAxis: { type: "category", data: days.map(function (d) { return d.day; }) },
      yAxis: { type: "value" },
      series: [
        { name: labels.labelHistory, type: "line", showSymbol: false,
          data: days.map(function (d, i) { return i < parsed.history.length ? Math.round(d.contacts) : null; }),
          markPoint: { symbolSize: 28, label: { fontSize: 9, formatter: labels.labelHoliday.substring(0, 2) },
                       data: holidays.map(function (d) { return { coord: [d.day, Math.round(d.contacts)] }; }) } },
        { name: labels.labelForecast, type: "line", showSymbol: false, lineStyle: { type: "dashed" },
          data: days.map(function (d, i) { return i >= parsed.history.length - 1 ? Math.round(d.contacts) : null; }) }
      ]
    });
  }

  function drawPlan() {
    var target = chart("plan-chart");
    var data = document.getElementById("plan-data");
    if (!target || !data) {
      return;
    }
    var rows = JSON.parse(data.dataset.json).filter(function (r) { return r.contacts >= 0.5; });
    var labels = target.container.dataset;
    target.chart.setOption({
      animation: false,
      grid: { left: 56, right: 56, top: 56, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: rows.map(function (r) { return r.intervalStart.replace("T", " ").substring(5, 16); }) },
      // Two scales (people on the left, contacts on the right): each says what it counts.
      yAxis: [{ type: "value", name: labels.labelPeople, nameTextStyle: { align: "left" } },
              { type: "value", name: labels.labelContacts, nameTextStyle: { align: "right" }, splitLine: { show: false } }],
      series: [
        { name: labels.labelContacts, type: "bar", yAxisIndex: 1, itemStyle: { opacity: 0.35 },
          data: rows.map(function (r) { return Math.round(r.contacts); }) },
        { name: labels.labelAgents, type: "line", step: "middle", data: rows.map(function (r) { return r.agents; }) },
        { name: labels.labelHeadcount, type: "line", step: "middle", data: rows.map(function (r) { return r.headcount; }) }
      ]
    });
  }

  function drawSimulation() {
    var target = chart("simulation-chart");
    var data = document.getElementById("simulation-data");
    if (!target || !data) {
      return;
    }
    var rows = JSON.parse(data.dataset.json).filter(function (r) { return r.forecastContacts >= 0.5; });
    var labels = target.container.dataset;
    function percent(value) { return value === null ? null : +(value * 100).toFixed(1); }
    target.chart.setOption({
      animation: false,
      grid: { left: 52, right: 20, top: 36, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: rows.map(function (r) { return r.intervalStart.replace("T", " ").substring(5, 16); }) },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { name: labels.labelErlang, type: "line", step: "middle", data: rows.map(function (r) { return percent(r.erlangServiceLevel); }) },
        { name: labels.labelSimulated, type: "line", data: rows.map(function (r) { return percent(r.simulatedServiceLevel); }) }
      ]
    });
  }

  function draw() {
    drawForecast();
    drawPlan();
    drawSimulation();
  }
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", drawSimulation);
  window.addEventListener("resize", function () {
    ["forecast-chart", "plan-chart"].forEach(function (id) {
      var container = document.getElementById(id);
      if (container && typeof echarts !== "undefined" && echarts.getInstanceByDom(container)) {
        echarts.getInstanceByDom(container).resize();
      }
    });
  });
})();
