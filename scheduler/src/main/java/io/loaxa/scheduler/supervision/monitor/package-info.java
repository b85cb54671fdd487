/**
 * The station's on-air monitor at work (giám sát loa): during an airing, dead air or a gross
 * mismatch on the monitor makes the run {@code FAILED} or {@code PARTIAL} with the reason; outside
 * airings, audio on the lines is an incident, alerted only or answered by switching every line and
 * the amplifier off while it lasts; and the morning self-test tries each hamlet line with a quiet
 * tone. Incidents go into the station's one stream, {@link io.loaxa.scheduler.supervision.Incidents}.
 */
package io.loaxa.scheduler.supervision.monitor;
