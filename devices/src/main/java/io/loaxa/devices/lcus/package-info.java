/**
 * LCUS USB relay boards (CH340, {@code A0} frames): the cheapest boards in commune cabinets, which
 * switch when told and never say whether they did.
 */
package io.loaxa.devices.lcus;
