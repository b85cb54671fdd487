/**
 * Setting up a station (cài đặt đài): the installer's wizard that names the station, finds the sound
 * output and plays a test tone to it, finds the serial ports and which relay boards answer on them
 * (reading only, never switching), asks for the hamlets and the amplifier, tests each hamlet's line,
 * and writes a station config the station's own reader accepts, keeping the old one as a backup. The
 * same steps run unattended from an answers file, for a fleet of stations.
 */
package io.loaxa.scheduler.setup;
