/**
 * What reporting officers take away: the airing log exported as files they open in Excel, print or
 * paste into their periodic reports (month, quarter, 6 months, year or any cut-off window), with
 * times in the station's local time. Holds the report model and its one-pass aggregation, free of
 * any file-format library; the formats live in {@code report.xlsx} and {@code report.pdf}, CSV here.
 */
package io.loaxa.scheduler.report;
