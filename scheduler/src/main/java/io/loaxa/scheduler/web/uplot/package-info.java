/**
 * uPlot, the chart library the log and reports page draws its airings-per-day chart with, as the
 * webjar on the daemon's classpath holds it: which of its files the pages may load and where in the
 * jar they are. The only code that knows the webjar's layout, so a new version or another chart
 * library changes this package and the pages, nothing else.
 */
package io.loaxa.scheduler.web.uplot;
