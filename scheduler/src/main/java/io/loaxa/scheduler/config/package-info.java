/**
 * The station config a technician writes ({@code station.yaml}): the station, its relay boards,
 * the amplifier, the hamlets' lines, sound, content and speech, read through the one field reader
 * with every problem reported as FILE:LINE:COL. Values only; nothing here opens a device.
 */
package io.loaxa.scheduler.config;
