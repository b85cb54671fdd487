/**
 * What reporting officers take away: the airing log exported as files they open in Excel and
 * paste into their periodic reports, with times in the station's local time.
 */
package io.loaxa.scheduler.report;
