package io.loaxa.audio;

import java.time.Duration;

/**
 * A stretch of an airing that carried no programme sound: a rebroadcast stream lost and filled
 * with silence, or our own output found silent.
 *
 * @param at offset from the airing's first sample
 * @param length how long it lasted
 * @param reason plain words for the airing log
 */
public record Gap(Duration at, Duration length, String reason) {}
