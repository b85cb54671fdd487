/**
 * The cheapest relay board there is: the DTR and RTS outputs of a USB-serial adapter, each switching
 * one relay. Enough for an amplifier and one hamlet line.
 */
package io.loaxa.devices.dtrrts;
