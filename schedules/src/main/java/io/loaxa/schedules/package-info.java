/**
 * What should air at the station: zones and zone groups by key, programmes made of segments,
 * priorities and the planned airings a schedule expands into. Pure values and rules: no Quartz,
 * no devices, no sound, and no I/O besides reading and writing schedule files.
 */
package io.loaxa.schedules;
