/**
 * The on-air monitor (giám sát loa): hears the amplifier's output through a monitor input, measures
 * its level block by block, compares it with what loaxa plays and tells of dead air (im lặng), of
 * a gross mismatch and of audio outside the schedule (phát ngoài lịch), keeping the last seconds
 * heard as evidence. Knows nothing of zones or of the schedule: whoever runs it says when an airing
 * is on.
 */
package io.loaxa.audio.monitor;
