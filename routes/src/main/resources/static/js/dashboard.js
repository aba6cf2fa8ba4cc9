// Draws the dashboard's two charts from window.hubSalesChart (see SalesFigures.Chart); money arrives in major units.
(function () {
  const data = window.hubSalesChart;
  if (!data || !window.Chart) {
    return;
  }
  const common = { animation: false, responsive: true, maintainAspectRatio: false };
  new Chart(document.getElementById('chart-by-day'), {
    data: {
      labels: data.days,
      datasets: [
        { type: 'bar', label: 'Value (' + data.currency + ')', data: data.valueByDay, yAxisID: 'value', backgroundColor: '#0d6efd' },
        { type: 'line', label: 'Vends', data: data.vendsByDay, yAxisID: 'vends', borderColor: '#fd7e14', backgroundColor: '#fd7e14' }
      ]
    },
    options: Object.assign({}, common, {
      scales: {
        value: { position: 'left', beginAtZero: true },
        vends: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false } }
      }
    })
  });
  new Chart(document.getElementById('chart-by-channel'), {
    type: 'bar',
    data: {
      labels: data.channels,
      datasets: [{ label: 'Value (' + data.currency + ')', data: data.valueByChannel, backgroundColor: '#198754' }]
    },
    options: Object.assign({}, common, { indexAxis: 'y', plugins: { legend: { display: false } } })
  });
})();
