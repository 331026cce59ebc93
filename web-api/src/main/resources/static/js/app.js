/*
 * The pages' own script: small on purpose, and every page works without it.
 * - A form's submit button is disabled once the form is sent (the form's idempotency key records it once anyway).
 * - An error summary gets the focus, so that a screen reader reads it first.
 * - Charts: a <canvas data-chart="bar|line" data-chart-data="ID"> is drawn with Chart.js (loaded by the page from
 *   /webjars/chartjs/...) from the JSON in <script type="application/json" id="ID">: {"labels": [...],
 *   "datasets": [{"label": "...", "data": [...]}]}. Every chart has a table with the same figures beside it.
 */
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.sent === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.sent = 'true';
    form.querySelectorAll('button[data-once]').forEach(function (button) {
      button.setAttribute('aria-disabled', 'true');
      button.classList.add('button--busy');
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
    }
    if (typeof window.Chart === 'undefined') {
      return;
    }
    var palette = ['#1f4e79', '#b35900', '#2e7d32', '#6a1b9a', '#ad1457', '#00695c'];
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.chartData);
      if (!source) {
        return;
      }
      var data = JSON.parse(source.textContent);
      data.datasets.forEach(function (dataset, index) {
        var colour = dataset.colour || palette[index % palette.length];
        dataset.backgroundColor = dataset.backgroundColor || colour;
        dataset.borderColor = dataset.borderColor || colour;
        delete dataset.colour;
      });
      new window.Chart(canvas, {
        type: canvas.dataset.chart,
        data: data,
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          locale: 'sv-SE',
          scales: {y: {beginAtZero: true}},
          plugins: {legend: {position: 'bottom'}}
        }
      });
    });
  });
})();
