/** Numato Lab USB relay modules: an ASCII command line with echo and a {@code >} prompt. */
package io.loaxa.devices.numato;
