package cn.jiangmen.innovation.funding.persistence;

import java.sql.Timestamp;

import cn.jiangmen.innovation.funding.domain.Ledger;
import cn.jiangmen.innovation.funding.domain.LedgerEntry;
import cn.jiangmen.innovation.funding.domain.LedgerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inserts only: the table's trigger refuses updates and deletes. */
@Repository
class JdbcLedger implements Ledger {

	private final JdbcClient jdbc;

	JdbcLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void post(LedgerTransaction transaction) {
		for (LedgerEntry entry : transaction.entries()) {
			this.jdbc.sql("""
					insert into ledger_entry (entry_id, transaction_id, account, debit_minor, credit_minor, description, posted_at)
					values (:entryId, :transactionId, :account, :debit, :credit, :description, :postedAt)
					""")
				.param("entryId", entry.entryId())
				.param("transactionId", transaction.transactionId())
				.param("account", entry.account())
				.param("debit", entry.debitMinor())
				.param("credit", entry.creditMinor())
				.param("description", transaction.description())
				.param("postedAt", Timestamp.from(transaction.postedAt()))
				.update();
		}
	}

}
