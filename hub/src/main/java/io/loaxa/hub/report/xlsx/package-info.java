/** The province report as an Excel workbook (Apache POI): one sheet per commune table, one for CCHC month by month. */
package io.loaxa.hub.report.xlsx;
