package io.loaxa.hub.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The pool of connections to the hub's PostgreSQL, its schema migrated at start. The pool waits
 * for a database that restarts: a connection that broke is replaced at its next use.
 */
public final class HubDatabase implements AutoCloseable {
  private final HikariDataSource pool;

  private HubDatabase(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Opens the pool and brings the schema to the latest migration.
   *
   * @throws org.flywaydb.core.api.FlywayException when the database refuses the migration
   * @throws RuntimeException when no connection can be made in {@code connectTimeout}
   */
  public static HubDatabase open(String jdbcUrl, String user, String password, int poolSize, Duration connectTimeout) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    c.setUsername(user);
    if (!password.isEmpty()) {
      c.setPassword(password);
    }
    c.setMaximumPoolSize(poolSize);
    c.setPoolName("hub-db");
    c.setConnectionTimeout(connectTimeout.toMillis());
    c.setInitializationFailTimeout(connectTimeout.toMillis());
    c.setAutoCommit(true);
    HikariDataSource pool = new HikariDataSource(c);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:io/loaxa/hub/postgres/migration").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new HubDatabase(pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
