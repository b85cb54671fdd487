package io.loaxa.audio;

import java.time.Instant;

/**
 * What one play of a clip did.
 *
 * @param firstSampleAt when the first sample was handed to the sound device
 * @param endedAt when the last sample had left the device buffer (or the stop took effect)
 * @param framesPlayed frames handed to the device
 * @param stopped true when a {@link StopToken} ended it early
 */
public record Playback(Instant firstSampleAt, Instant endedAt, long framesPlayed, boolean stopped) {}
