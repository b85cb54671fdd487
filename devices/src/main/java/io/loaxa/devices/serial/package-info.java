/**
 * The station's serial ports through jSerialComm: USB-serial adapters, RS-485 dongles and CDC-ACM
 * relay boards, addressed by their {@code /dev/serial/by-id} or {@code by-path} links. The only
 * package that touches jSerialComm.
 */
package io.loaxa.devices.serial;
