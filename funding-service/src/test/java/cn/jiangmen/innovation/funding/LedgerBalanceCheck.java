package cn.jiangmen.innovation.funding;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The bank test of Jepsen, after every test of a funding IT: whatever the test did, money is
 * neither made nor lost. Debits equal credits per transfer and phase and over the whole ledger,
 * no account is beyond its limit, and every materialised balance equals the sum of its entries.
 * Register with {@code @ExtendWith(LedgerBalanceCheck.class)} after Spring's extension.
 */
public class LedgerBalanceCheck implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> problems = check(SpringExtension.getApplicationContext(context).getBean(JdbcClient.class));
		if (!problems.isEmpty()) {
			throw new AssertionError("The ledger does not balance after " + context.getDisplayName() + ": " + problems);
		}
	}

	public static List<String> check(JdbcClient jdbc) {
		List<String> problems = new ArrayList<>();
		problems.addAll(jdbc.sql("""
				select transaction_id || ' ' || phase from ledger_entry group by transaction_id, phase
				having sum(debit_minor) <> sum(credit_minor)
				""").query(String.class).list().stream().map(t -> "unbalanced transaction " + t).toList());
		problems.addAll(jdbc.sql("""
				select 'overall debits ' || sum(debit_minor) || ' <> credits ' || sum(credit_minor) from ledger_entry
				having sum(debit_minor) <> sum(credit_minor)
				""").query(String.class).list());
		problems.addAll(jdbc.sql("""
				select code || ' beyond its limit' from ledger_account
				where least(debits_pending, credits_pending, debits_posted, credits_posted) < 0
				   or (limit_rule = 'DEBITS_MUST_NOT_EXCEED_CREDITS' and debits_pending + debits_posted > credits_posted)
				""").query(String.class).list());
		problems.addAll(jdbc.sql("""
				select a.code || ' materialised (' || a.debits_pending || ',' || a.credits_pending || ',' || a.debits_posted
				       || ',' || a.credits_posted || ') <> entries (' || coalesce(e.dp, 0) || ',' || coalesce(e.cp, 0) || ','
				       || coalesce(e.dd, 0) || ',' || coalesce(e.cd, 0) || ')'
				from ledger_account a left join (
				  select account,
				         sum(case when phase = 'pending' and not releases then debit_minor else 0 end)
				           - sum(case when phase = 'pending' and releases then credit_minor else 0 end) dp,
				         sum(case when phase = 'pending' and not releases then credit_minor else 0 end)
				           - sum(case when phase = 'pending' and releases then debit_minor else 0 end) cp,
				         sum(case when phase = 'posted' then debit_minor else 0 end) dd,
				         sum(case when phase = 'posted' then credit_minor else 0 end) cd
				  from ledger_entry group by account) e on e.account = a.code
				where a.debits_pending <> coalesce(e.dp, 0) or a.credits_pending <> coalesce(e.cp, 0)
				   or a.debits_posted <> coalesce(e.dd, 0) or a.credits_posted <> coalesce(e.cd, 0)
				""").query(String.class).list());
		return problems;
	}

}
