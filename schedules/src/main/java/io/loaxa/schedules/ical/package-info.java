/**
 * The schedule as RFC 5545 iCalendar, for the operator's calendar program and for checking: airing
 * rules as RRULEs through lib-recur (org.dmfs), the only package that imports it, and the VCALENDAR
 * export with the station's time zone.
 */
package io.loaxa.schedules.ical;
