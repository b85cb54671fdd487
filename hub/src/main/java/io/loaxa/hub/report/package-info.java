/**
 * The province report: for a month, quarter, half-year, year or range of days (the station's
 * periods), every commune's runs, airings and airtime, the same per category, and whether each
 * commune aired its monthly CCHC segment in a peak window, month by month. The figures come from
 * the database in one pass of SQL; the writers here only lay them out.
 */
package io.loaxa.hub.report;
