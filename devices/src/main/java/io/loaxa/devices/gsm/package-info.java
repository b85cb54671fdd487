/**
 * The USB GSM modem (SIMCom, Quectel, Huawei sticks) that sends the station's alerts by SMS with no
 * internet: Hayes AT commands in text mode over the same serial port adapter the relay boards use.
 * {@link io.loaxa.devices.gsm.SmsText} is the pure codec (diacritics stripped for GSM 7-bit, UCS-2
 * hex, parts); {@link io.loaxa.devices.gsm.GsmModem} talks to the modem.
 */
package io.loaxa.devices.gsm;
