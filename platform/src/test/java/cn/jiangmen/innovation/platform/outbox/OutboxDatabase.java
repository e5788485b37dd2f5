package cn.jiangmen.innovation.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh database on the machine's PostgreSQL for the outbox ITs. Not test-support's
 * TestInfrastructure: that one also starts (or joins) a Keycloak, which these tests do not need and
 * which costs a minute on a cold machine. Same settings as TestInfrastructure's local mode
 * ({@code JIANGMEN_TEST_DB_HOST/PORT/USER/PASSWORD}, {@code JIANGMEN_TEST_DB_SUFFIX}).
 */
final class OutboxDatabase implements AutoCloseable {

	private static final String HOST = env("JIANGMEN_TEST_DB_HOST", "127.0.0.1");

	private static final String PORT = env("JIANGMEN_TEST_DB_PORT", "5432");

	private static final String USER = env("JIANGMEN_TEST_DB_USER", "postgres");

	private static final String PASSWORD = env("JIANGMEN_TEST_DB_PASSWORD", "");

	final HikariDataSource dataSource;

	private OutboxDatabase(String name) {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(url(name));
		this.dataSource.setUsername(USER);
		this.dataSource.setPassword(PASSWORD);
		this.dataSource.setMaximumPoolSize(8);
	}

	/** Drops and creates {@code name} (plus the build's suffix), empty. */
	static OutboxDatabase recreate(String name) {
		String database = name + env("JIANGMEN_TEST_DB_SUFFIX", "");
		try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
				Statement s = c.createStatement()) {
			s.execute("drop database if exists \"" + database + "\" with (force)");
			s.execute("create database \"" + database + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed by the outbox ITs", ex);
		}
		return new OutboxDatabase(database);
	}

	/** Migrates with exactly these Flyway locations; returns how many migrations ran. */
	int migrate(String... locations) {
		return Flyway.configure().dataSource(this.dataSource).locations(locations).load().migrate().migrationsExecuted;
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
