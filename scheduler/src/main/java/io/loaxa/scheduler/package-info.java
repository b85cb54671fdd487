/**
 * Making it happen at the station: the station config, the composition root, the airing runner
 * that switches zones and plays a programme, the planned airings and the airing log. The only
 * module that sees schedules, audio and devices together.
 */
package io.loaxa.scheduler;
