/**
 * PDF files officers print and attach: the airing log streamed page by page and the period report
 * with its tables, CCHC compliance grid and a chart drawn with the PDF's own vector graphics, set in
 * an embedded DejaVu Sans so Vietnamese diacritics print on any computer. The only package that
 * imports OpenPDF.
 */
package io.loaxa.scheduler.report.pdf;
