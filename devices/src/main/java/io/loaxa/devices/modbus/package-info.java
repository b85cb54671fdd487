/**
 * Modbus RTU relay boards on an RS-485 bus: coil boards ({@code modbus-rtu}) and register boards with
 * a dead-man timer ({@code modbus-register}), with the frame codec and CRC they share. Frames are
 * built and checked by pure functions; the master keeps the bus timing.
 */
package io.loaxa.devices.modbus;
