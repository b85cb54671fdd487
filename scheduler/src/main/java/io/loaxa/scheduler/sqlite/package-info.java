/**
 * The station's SQLite file: versioned migrations (Flyway), planned airings, programmes and the
 * airing log. The only package that imports JDBC and Flyway.
 */
package io.loaxa.scheduler.sqlite;
