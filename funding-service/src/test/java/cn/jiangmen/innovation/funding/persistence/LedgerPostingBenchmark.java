package cn.jiangmen.innovation.funding.persistence;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A harness, not a timed test: ledger postings per second (one pending transfer per transaction,
 * budgets spread over {@code accounts} appropriations, row locks as in production) beside
 * {@code pgbench -M prepared} TPC-B on the same PostgreSQL, in one run, reported as a ratio. Uses a
 * database of its own ({@code jiangmen_funding_bench}), created and dropped here.
 * Args: seconds (10), clients (4), accounts (10).
 */
public final class LedgerPostingBenchmark {

	static final String DB = "jiangmen_funding_bench";

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 10;
		admin("drop database if exists " + DB);
		admin("create database " + DB);
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + DB);
			ds.setUsername("postgres");
			ds.setMaximumPoolSize(clients);
			Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
			JdbcClient jdbc = JdbcClient.create(ds);
			JdbcLedger ledger = new JdbcLedger(jdbc);
			TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
			for (int i = 0; i < accounts; i++) {
				BudgetKey key = new BudgetKey("bench-" + i, 2026);
				tx.executeWithoutResult(s -> {
					ledger.open(Accounts.TREASURY, "TREASURY", AccountLimit.NONE);
					ledger.open(Accounts.appropriation(key), "APPROPRIATION", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
					ledger.open(Accounts.commitment(key), "COMMITMENT", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
					ledger.apply(List.of(Transfer.single(Accounts.TREASURY, Accounts.appropriation(key), 1_000_000_000_000_000L,
							"bench appropriation", Instant.now())));
				});
			}
			// unmeasured first: pgbench is compiled C, the ledger code is not JIT-compiled yet in a new JVM
			post(ledger, tx, Math.max(3, seconds / 2), clients, accounts);
			double ledgerRate = post(ledger, tx, seconds, clients, accounts) / (double) seconds;
			double tpcb = pgbench(seconds, clients);
			System.out.printf("ledger postings/s: %.0f (%d clients, %d budgets)%n", ledgerRate, clients, accounts);
			System.out.printf("pgbench -M prepared TPC-B tps: %.0f (%d clients)%n", tpcb, clients);
			System.out.printf("ratio ledger/TPC-B: %.2f%n", ledgerRate / tpcb);
		}
		finally {
			admin("drop database if exists " + DB);
		}
	}

	/** Postings made by {@code clients} threads in {@code seconds}, one pending transfer per transaction. */
	private static long post(JdbcLedger ledger, TransactionTemplate tx, int seconds, int clients, int accounts)
			throws InterruptedException {
		AtomicLong postings = new AtomicLong();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			pool.submit(() -> {
				long n = 0;
				while (System.nanoTime() < deadline) {
					BudgetKey key = new BudgetKey("bench-" + (int) ((client + n++) % accounts), 2026);
					tx.executeWithoutResult(s -> ledger.apply(List.of(Transfer.pending(UUID.randomUUID(),
							Accounts.appropriation(key), Accounts.commitment(key), 1, "bench", Instant.now()))));
					postings.incrementAndGet();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		return postings.get();
	}

	private static double pgbench(int seconds, int clients) throws Exception {
		run("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", "1", DB);
		String out = run("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-M", "prepared", "-c", String.valueOf(clients),
				"-j", "2", "-T", String.valueOf(seconds), DB);
		Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("pgbench said: " + out);
		}
		return Double.parseDouble(m.group(1));
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			out = String.join("\n", reader.lines().toList());
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}

	private static void admin(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
			c.createStatement().execute(sql);
		}
	}

}
