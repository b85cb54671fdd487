/**
 * A document people wrote (a station config, a schedule file) read as a tree whose every node knows
 * its file, line and column, so each problem can be reported where the operator made it; and the one
 * field reader that turns its values into switches, lengths, times and choices with the same
 * spellings and the same refusals in every file.
 */
package io.loaxa.schedules.source;
