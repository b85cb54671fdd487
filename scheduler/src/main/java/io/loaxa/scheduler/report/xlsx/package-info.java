/**
 * Excel workbooks officers open and attach: the airing log streamed row by row (Apache POI's SXSSF,
 * so a year of a busy station never sits in memory) and the period report with its tables,
 * CCHC compliance grid and a native Excel chart. Real numbers and dates with formats, frozen
 * headings, column widths and filters. The only package that imports Apache POI.
 */
package io.loaxa.scheduler.report.xlsx;
