package cn.jiangmen.innovation.funding;

import java.time.Instant;
import java.util.List;

import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds budget lines through the ledger, as an approved budget raise would, and reads balances back. */
record FundingFixtures(Budgets budgets, Ledger ledger, TransactionTemplate transactions, JdbcClient jdbc) {

	void budget(String code, int year, long appropriatedMinor) {
		BudgetKey key = new BudgetKey(code, year);
		this.transactions.executeWithoutResult(tx -> {
			this.budgets.create(key);
			this.ledger.open(Accounts.TREASURY, "TREASURY", AccountLimit.NONE);
			this.ledger.open(Accounts.appropriation(key), "APPROPRIATION", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
			this.ledger.open(Accounts.commitment(key), "COMMITMENT", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
			if (appropriatedMinor > 0) {
				this.ledger.apply(List.of(Transfer.single(Accounts.TREASURY, Accounts.appropriation(key),
						appropriatedMinor, "test appropriation", Instant.now())));
			}
		});
	}

	long pending(String code, int year) {
		return column("debits_pending", Accounts.appropriation(new BudgetKey(code, year)));
	}

	long available(String code, int year) {
		return column("credits_posted - debits_posted - debits_pending", Accounts.appropriation(new BudgetKey(code, year)));
	}

	long column(String expression, String account) {
		return this.jdbc.sql("select " + expression + " from ledger_account where code = :code")
			.param("code", account)
			.query(Long.class)
			.single();
	}

}
