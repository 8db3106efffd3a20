// Presentational charts for the participation dashboards: server-rendered SVG, each with its data
// as a table. A route that shows one adds the stylesheet to its links:
//   export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsStylesheet }];
import styles from "~/styles/charts.css";

export const chartsStylesheet: string = styles;

export { BarChart, type BarChartItem, type BarChartProps } from "./bar-chart";
export {
  BRAZIL_UFS,
  BrazilMap,
  ChoroplethMap,
  countClassOf,
  type ChoroplethMapProps,
  type ChoroplethValue,
  type MapShape,
  MAP_ATTRIBUTION,
  MAP_CLASS_FILLS,
  mapClassOf,
  type BrazilMapProps,
  type BrazilMapValue,
} from "./brazil-map";
export { DataTable, type DataTableProps, type DataTableRow } from "./data-table";
export { formatMonthLong, formatMonthShort, formatNumber, formatPercent } from "./format";
export { EMPTY_TEXT, TABLE_SUMMARY } from "./frame";
export {
  MAX_SERIES,
  MonthlySeries,
  SERIES_STYLES,
  niceScale,
  type MonthlySeriesProps,
  type MonthlySeriesSeries,
} from "./monthly-series";
