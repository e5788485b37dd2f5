package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.funding.domain.ledger.AccountBalance;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Postings;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.platform.error.ConflictException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Inserts transfers and entries only (triggers refuse updates and deletes of both); the account
 * rows carry the materialised balances, updated under {@code select … for update}.
 */
@Repository
class JdbcLedger implements Ledger {

	private static final String ACCOUNT_COLUMNS = "code, limit_rule, debits_pending, credits_pending, debits_posted, credits_posted";

	private final JdbcClient jdbc;

	JdbcLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void open(String code, String kind, AccountLimit limit) {
		this.jdbc.sql("insert into ledger_account (code, kind, limit_rule) values (:code, :kind, :limit) on conflict do nothing")
			.param("code", code)
			.param("kind", kind)
			.param("limit", limit.name())
			.update();
	}

	@Override
	public boolean apply(List<Transfer> linked) {
		TreeSet<String> codes = new TreeSet<>();
		for (Transfer transfer : linked) {
			codes.add(transfer.debitAccount());
			codes.add(transfer.creditAccount());
		}
		Map<String, AccountBalance> before = this.jdbc
			.sql("select " + ACCOUNT_COLUMNS + " from ledger_account where code in (:codes) order by code for update")
			.param("codes", codes)
			.query(JdbcLedger::account)
			.list()
			.stream()
			.collect(Collectors.toMap(AccountBalance::code, Function.identity()));
		for (Transfer transfer : linked) {
			requireUnresolved(transfer);
		}
		Postings.Outcome outcome = Postings.apply(before, linked);
		if (!outcome.accepted()) {
			return false;
		}
		for (Transfer transfer : linked) {
			insert(transfer);
		}
		outcome.balances().forEach((code, balance) -> {
			if (!balance.equals(before.get(code))) {
				store(balance);
			}
		});
		return true;
	}

	private void requireUnresolved(Transfer transfer) {
		if (transfer.pendingId() == null) {
			return;
		}
		// the pending row is immutable; the unique index on pending_id is the exactly-once guarantee
		Integer resolved = this.jdbc.sql("select count(*) from ledger_transfer where pending_id = :id")
			.param("id", transfer.pendingId())
			.query(Integer.class)
			.single();
		if (resolved > 0) {
			throw new ConflictException("transfer.pending-resolved",
					"Pending transfer " + transfer.pendingId() + " was already posted or voided");
		}
	}

	private void insert(Transfer t) {
		try {
			this.jdbc.sql("""
					insert into ledger_transfer (id, kind, debit_account, credit_account, amount_minor, pending_id,
					                             reverses_id, description, created_at)
					values (:id, :kind, :debit, :credit, :amount, :pending, :reverses, :description, :at)
					""")
				.param("id", t.id())
				.param("kind", t.kind().name())
				.param("debit", t.debitAccount())
				.param("credit", t.creditAccount())
				.param("amount", t.amountMinor())
				.param("pending", t.pendingId())
				.param("reverses", t.reversesId())
				.param("description", t.description())
				.param("at", Timestamp.from(t.at()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("transfer.pending-resolved", "Transfer " + t.id() + " resolves or reverses one twice");
		}
		for (Entry entry : entries(t)) {
			this.jdbc.sql("""
					insert into ledger_entry (entry_id, transaction_id, account, debit_minor, credit_minor, description,
					                          posted_at, phase, releases)
					values (:entryId, :transactionId, :account, :debit, :credit, :description, :at, :phase, :releases)
					""")
				.param("entryId", UUID.randomUUID())
				.param("transactionId", t.id())
				.param("account", entry.account())
				.param("debit", entry.debit())
				.param("credit", entry.credit())
				.param("description", t.description())
				.param("at", Timestamp.from(t.at()))
				.param("phase", entry.phase())
				.param("releases", entry.releases())
				.update();
		}
	}

	/** The entries of a transfer, from which every balance can be rebuilt (see BalanceChecker in the tests). */
	private record Entry(String account, long debit, long credit, String phase, boolean releases) {
	}

	private static List<Entry> entries(Transfer t) {
		long a = t.amountMinor();
		List<Entry> entries = new ArrayList<>(4);
		switch (t.kind()) {
			case SINGLE -> {
				entries.add(new Entry(t.debitAccount(), a, 0, "posted", false));
				entries.add(new Entry(t.creditAccount(), 0, a, "posted", false));
			}
			case PENDING -> {
				entries.add(new Entry(t.debitAccount(), a, 0, "pending", false));
				entries.add(new Entry(t.creditAccount(), 0, a, "pending", false));
			}
			case POST_PENDING, VOID_PENDING -> {
				entries.add(new Entry(t.debitAccount(), 0, a, "pending", true));
				entries.add(new Entry(t.creditAccount(), a, 0, "pending", true));
				if (t.kind() == Transfer.Kind.POST_PENDING) {
					entries.add(new Entry(t.debitAccount(), a, 0, "posted", false));
					entries.add(new Entry(t.creditAccount(), 0, a, "posted", false));
				}
			}
		}
		return entries;
	}

	private void store(AccountBalance b) {
		this.jdbc.sql("""
				update ledger_account set debits_pending = :dp, credits_pending = :cp, debits_posted = :dd,
				       credits_posted = :cd, version = version + 1
				where code = :code
				""")
			.param("dp", b.debitsPending())
			.param("cp", b.creditsPending())
			.param("dd", b.debitsPosted())
			.param("cd", b.creditsPosted())
			.param("code", b.code())
			.update();
	}

	@Override
	public Optional<AccountBalance> balance(String code) {
		return this.jdbc.sql("select " + ACCOUNT_COLUMNS + " from ledger_account where code = :code")
			.param("code", code)
			.query(JdbcLedger::account)
			.optional();
	}

	@Override
	public Optional<Transfer> transfer(UUID id) {
		return this.jdbc.sql("""
				select id, kind, debit_account, credit_account, amount_minor, pending_id, reverses_id, description, created_at
				from ledger_transfer where id = :id
				""")
			.param("id", id)
			.query((rs, row) -> new Transfer(rs.getObject("id", UUID.class), Transfer.Kind.valueOf(rs.getString("kind")),
					rs.getString("debit_account"), rs.getString("credit_account"), rs.getLong("amount_minor"),
					rs.getObject("pending_id", UUID.class), rs.getObject("reverses_id", UUID.class),
					rs.getString("description"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	static AccountBalance account(ResultSet rs, int row) throws SQLException {
		return new AccountBalance(rs.getString("code"), AccountLimit.valueOf(rs.getString("limit_rule")),
				rs.getLong("debits_pending"), rs.getLong("credits_pending"), rs.getLong("debits_posted"),
				rs.getLong("credits_posted"));
	}

}
