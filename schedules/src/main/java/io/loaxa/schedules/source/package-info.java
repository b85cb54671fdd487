/**
 * A document people wrote (a station config, a schedule file) read as a tree whose every node knows
 * its file, line and column, so each problem can be reported where the operator made it.
 */
package io.loaxa.schedules.source;
