package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTransactionTest {

	static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

	static final BudgetKey BUDGET = new BudgetKey("major-projects", 2026);

	@Test
	void aCommittedAwardPostsABalancedTransaction() {
		CommitAward request = CommitAward.of("k1", "major-projects", 2026, "project/42",
				"7d1c2a8e-0000-4000-8000-000000000001", "CNY", 5_000_000_00L);
		Commitment commitment = Commitment.decide(request, true, "officer", NOW);
		LedgerTransaction transaction = commitment.ledgerTransaction();
		assertThat(transaction.transactionId()).isEqualTo(commitment.id().value());
		assertThat(sum(transaction, true)).isEqualTo(sum(transaction, false)).isEqualTo(5_000_000_00L);
		assertThat(transaction.entries()).extracting(LedgerEntry::account)
			.containsExactly(Accounts.committed(BUDGET), Accounts.available(BUDGET));
	}

	@Test
	void aRefusedAwardMovesNoMoney() {
		CommitAward request = CommitAward.of("k1", "major-projects", 2026, "project/42",
				"7d1c2a8e-0000-4000-8000-000000000001", "CNY", 100L);
		Commitment refused = Commitment.decide(request, false, "officer", NOW);
		assertThat(refused.state()).isEqualTo(CommitmentState.REFUSED_INSUFFICIENT_BUDGET);
		assertThatThrownBy(refused::ledgerTransaction).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void unbalancedTransactionsAreRefused() {
		assertThatThrownBy(() -> LedgerTransaction.of(UUID.randomUUID(), NOW, "x",
				List.of(LedgerEntry.debit("a", 100), LedgerEntry.credit("b", 99))))
			.isInstanceOf(LedgerTransaction.UnbalancedTransactionException.class);
		assertThatThrownBy(() -> LedgerTransaction.of(UUID.randomUUID(), NOW, "x", List.of(LedgerEntry.debit("a", 100))))
			.isInstanceOf(LedgerTransaction.UnbalancedTransactionException.class);
		assertThatThrownBy(() -> LedgerTransaction.of(UUID.randomUUID(), NOW, "x",
				List.of(LedgerEntry.debit("a", Long.MAX_VALUE), LedgerEntry.debit("a", 1), LedgerEntry.credit("b", 1))))
			.isInstanceOf(ArithmeticException.class);
	}

	@Test
	void entriesAreOneSidedAndPositive() {
		assertThatThrownBy(() -> new LedgerEntry(UUID.randomUUID(), "a", 0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new LedgerEntry(UUID.randomUUID(), "a", 5, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new LedgerEntry(UUID.randomUUID(), "a", -5, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aReversalIsBalancedAndCancelsEveryAccount() {
		LedgerTransaction original = LedgerTransaction.of(UUID.randomUUID(), NOW, "x",
				List.of(LedgerEntry.debit("a", 70), LedgerEntry.debit("b", 30), LedgerEntry.credit("c", 100)));
		LedgerTransaction reversal = original.reversal(UUID.randomUUID(), NOW);
		for (String account : List.of("a", "b", "c")) {
			long net = net(original, account) + net(reversal, account);
			assertThat(net).as(account).isZero();
		}
		assertThat(reversal.totalMinor()).isEqualTo(100);
	}

	@Test
	void budgetsNeverGoBelowZero() {
		Budget budget = new Budget(BUDGET, 1000, 900, "CNY");
		assertThat(budget.fits(100)).isTrue();
		assertThat(budget.fits(101)).isFalse();
		assertThat(budget.fits(0)).isFalse();
		assertThatThrownBy(() -> new Budget(BUDGET, 1000, 1001, "CNY")).isInstanceOf(IllegalArgumentException.class);
	}

	private static long sum(LedgerTransaction transaction, boolean debits) {
		return transaction.entries().stream().mapToLong(debits ? LedgerEntry::debitMinor : LedgerEntry::creditMinor).sum();
	}

	private static long net(LedgerTransaction transaction, String account) {
		return transaction.entries()
			.stream()
			.filter(e -> e.account().equals(account))
			.mapToLong(e -> e.debitMinor() - e.creditMinor())
			.sum();
	}

}
