/**
 * The hub's PostgreSQL: the official JDBC driver behind a HikariCP pool, the schema kept by Flyway
 * migrations, the store of every station's runs, health, pushes and acknowledgements, and the
 * province report's figures computed in SQL.
 */
package io.loaxa.hub.postgres;
