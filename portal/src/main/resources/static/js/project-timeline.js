// Draws the portfolio's milestone timeline (Gantt-like) with Apache ECharts, served by the portal
// from its webjar. The data come from the element's data-timeline attribute, the same facts as the
// table beside it; the chart is for sighted readers (aria-hidden), the table is the record.
(function () {
  'use strict';
  // colour-blind-safe palette (Okabe-Ito) by milestone state; overdue in vermilion
  var COLOURS = { PLANNED: '#56B4E9', REPORTED: '#E69F00', ACCEPTED: '#009E73', REJECTED: '#CC79A7', OVERDUE: '#D55E00' };
  function day(text) {
    return text ? new Date(text + 'T00:00:00+08:00').getTime() : null;
  }
  function draw(element) {
    if (typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-timeline'));
    var narrow = window.matchMedia('(max-width: 600px)').matches;
    var titles = data.projects.map(function (p) { return p.title; });
    var bars = data.projects.map(function (p, i) { return [i, day(p.start), day(p.end || p.start)]; });
    var states = Object.keys(COLOURS);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    // the layout depends on the width (legend rows, label widths, the date's label): built again when
    // the window crosses the phone width, not only resized
    function build(narrow) {
      return {
        animation: false,
        tooltip: { trigger: 'item', formatter: function (p) {
          if (p.seriesType === 'custom') {
            return echarts.format.encodeHTML(titles[p.value[0]]);
          }
          var m = p.data.milestone;
          return echarts.format.encodeHTML(titles[m.project] + ' · ' + m.title) + '<br>' + m.date + ' · '
            + echarts.format.encodeHTML(m.stateName);
        } },
        legend: { top: 0, data: states.map(function (s) { return data.states[s]; }) },
        grid: { left: narrow ? 8 : 16, right: narrow ? 16 : 32, top: narrow ? 64 : 40, bottom: 8, containLabel: true },
        xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
        yAxis: { type: 'category', data: titles, inverse: true,
          axisLabel: { width: narrow ? 96 : 200, overflow: 'truncate' } },
        series: [{
          // one bar per project, from its approval to its last milestone
          type: 'custom',
          renderItem: function (params, api) {
            var start = api.coord([api.value(1), api.value(0)]);
            var end = api.coord([api.value(2), api.value(0)]);
            var height = api.size([0, 1])[1] * 0.35;
            return { type: 'rect', shape: { x: start[0], y: start[1] - height / 2,
              width: Math.max(2, end[0] - start[0]), height: height }, style: { fill: '#d0d7de' } };
          },
          encode: { x: [1, 2], y: 0 },
          data: bars,
          z: 1
        }].concat(states.map(function (state) {
          return {
            name: data.states[state],
            type: 'scatter',
            symbol: state === 'ACCEPTED' ? 'circle' : 'diamond',
            symbolSize: narrow ? 10 : 14,
            itemStyle: { color: COLOURS[state] },
            z: 2,
            data: data.milestones.filter(function (m) { return m.state === state; }).map(function (m) {
              return { value: [day(m.date), m.project], milestone: m };
            }),
            // the y axis is inverted, so 'start' is the top: the date stays clear of the time axis's labels
            markLine: state === 'OVERDUE' ? { silent: true, symbol: 'none', lineStyle: { color: '#000', type: 'dashed' },
              data: [{ xAxis: day(data.today) }], label: { show: !narrow, position: 'start', formatter: data.today } } : undefined
          };
        }))
      };
    }
    chart.setOption(build(narrow));
    window.addEventListener('resize', function () {
      var now = window.matchMedia('(max-width: 600px)').matches;
      if (now !== narrow) {
        narrow = now;
        chart.setOption(build(narrow), true);
      }
      chart.resize();
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.chart[data-timeline]').forEach(function (element) {
      var rows = JSON.parse(element.getAttribute('data-timeline')).projects.length;
      element.style.height = Math.max(240, 90 + rows * 48) + 'px';
      draw(element);
    });
  });
})();
