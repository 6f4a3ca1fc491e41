// The parts of ECharts Nastavnik's charts use (app/src/charts.rs): bars and rings, with a
// title, a legend, a grid and mark lines; SVG on pages and slides, canvas for a chart's PNG.
// `.ci/build-echarts` bundles this into echarts-5.5.1-nastavnik.min.js, a third of the full
// build's weight. A chart that needs another part of ECharts adds it here.
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer, CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, MarkLineComponent, SVGRenderer, CanvasRenderer]);
window.echarts = echarts;
