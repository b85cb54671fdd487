/**
 * What gets switched in the station cabinet: relay boards, the hamlet lines and the amplifier they
 * switch, and the order that keeps speakers and amplifier safe. The ports ({@link
 * io.loaxa.devices.RelayBoard}, {@link io.loaxa.devices.SerialLine}, {@link io.loaxa.devices.Pause})
 * and the {@link io.loaxa.devices.Switchboard} that retries, reads back, keeps watch and switches
 * everything off live here, with the {@link io.loaxa.devices.RelayLine} that names a line it switches
 * and the {@link io.loaxa.devices.Driver} that names a board model; each board model's driver lives in
 * a package named after its protocol.
 * Knows nothing of programmes or time of day.
 */
package io.loaxa.devices;
