/**
 * The schedule as RFC 5545 iCalendar, for the operator's calendar program and for checking: airing
 * rules as RRULEs through lib-recur (org.dmfs), the only package that imports it, and the VCALENDAR
 * export with the station's time zone. Lunar rules and named days, which no RRULE can say, are
 * exported as listed days with the rule text in X- properties, which the reader here restores.
 */
package io.loaxa.schedules.ical;
