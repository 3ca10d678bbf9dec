export { DashboardPage } from './DashboardPage.js';
export { ThroughputSparkline } from './ThroughputSparkline.js';
export { dashboardSeries, sparklinePoints, type Columns, type DashboardSeries } from './dashboard-series.js';
