// Draws each fiscal year's budget chart (Apache ECharts, served by the portal from its webjar).
// The numbers come from the element's data-chart attribute, the same numbers the table beside it
// shows; the chart is decoration for sighted readers (aria-hidden), the table is the record.
(function () {
  'use strict';
  function draw(element) {
    if (typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var narrow = window.matchMedia('(max-width: 600px)').matches;
    var chinese = document.documentElement.lang.indexOf('zh') === 0;
    // colour-blind-safe palette (Okabe-Ito): appropriated, committed, paid, available
    var colours = ['#0072B2', '#E69F00', '#009E73', '#56B4E9'];
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: colours,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: data.series },
      grid: { left: narrow ? 8 : 16, right: narrow ? 24 : 40, top: narrow ? 56 : 40, bottom: 8, containLabel: true },
      // programs down the side: long Chinese names stay readable at 390 px
      yAxis: { type: 'category', data: data.labels, inverse: true, axisLabel: { width: narrow ? 84 : 160, overflow: 'break' } },
      // yuan on the axis as people say them: 万 in Chinese, millions in English
      xAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: function (v) {
        return chinese ? (v / 10000).toLocaleString('zh-CN') + '万' : (v / 1000000).toLocaleString('en') + 'M';
      } } },
      series: data.series.map(function (name, i) {
        return { name: name, type: 'bar', data: data.values[i].map(Number), barMaxWidth: 14 };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
      var rows = JSON.parse(element.getAttribute('data-chart')).labels.length;
      element.style.height = Math.max(220, 70 + rows * 64) + 'px';
      draw(element);
    });
  });
})();
