/**
 * Deciding when things air: the schedule planner that turns the programme grid into planned
 * airings for the days ahead, the daemon loop that keeps triggers in step with them, settles what
 * was missed while the station was down and watches the clock, and the clock trust that refuses to
 * air on a clock that jumped or was never set.
 */
package io.loaxa.scheduler.planning;
