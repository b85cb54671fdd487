/** KMtronic USB and RS-485 relay boards: three-byte {@code FF nn op} frames. */
package io.loaxa.devices.kmtronic;
