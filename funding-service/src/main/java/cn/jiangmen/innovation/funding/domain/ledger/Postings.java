package cn.jiangmen.innovation.funding.domain.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies linked transfers to balances in order, all or none (TigerBeetle's linked events): the
 * first transfer that would take an account beyond its limit refuses the whole group. Pure, so the
 * persistence adapter only locks, loads and stores.
 */
public final class Postings {

	private Postings() {
	}

	/** The new balances, or the account that would go beyond its limit. */
	public record Outcome(Map<String, AccountBalance> balances, Optional<String> refusedAccount) {

		public boolean accepted() {
			return this.refusedAccount.isEmpty();
		}

	}

	public static Outcome apply(Map<String, AccountBalance> before, List<Transfer> transfers) {
		Map<String, AccountBalance> balances = new LinkedHashMap<>(before);
		for (Transfer transfer : transfers) {
			for (Line line : lines(transfer)) {
				AccountBalance account = balances.get(line.account());
				if (account == null) {
					throw new IllegalStateException("Unknown ledger account " + line.account());
				}
				AccountBalance after = account.plus(line.debitsPending(), line.creditsPending(), line.debitsPosted(),
						line.creditsPosted());
				if (!after.withinLimit()) {
					return new Outcome(before, Optional.of(line.account()));
				}
				balances.put(line.account(), after);
			}
		}
		return new Outcome(balances, Optional.empty());
	}

	/** How one transfer moves the four balances of each of its two accounts. */
	public record Line(String account, long debitsPending, long creditsPending, long debitsPosted,
			long creditsPosted) {
	}

	public static List<Line> lines(Transfer t) {
		long a = t.amountMinor();
		List<Line> lines = new ArrayList<>(2);
		switch (t.kind()) {
			case SINGLE -> {
				lines.add(new Line(t.debitAccount(), 0, 0, a, 0));
				lines.add(new Line(t.creditAccount(), 0, 0, 0, a));
			}
			case PENDING -> {
				lines.add(new Line(t.debitAccount(), a, 0, 0, 0));
				lines.add(new Line(t.creditAccount(), 0, a, 0, 0));
			}
			case POST_PENDING -> {
				// credits first, so a post that also feeds the next linked transfer never trips a limit midway
				lines.add(new Line(t.creditAccount(), 0, -a, 0, a));
				lines.add(new Line(t.debitAccount(), -a, 0, a, 0));
			}
			case VOID_PENDING -> {
				lines.add(new Line(t.debitAccount(), -a, 0, 0, 0));
				lines.add(new Line(t.creditAccount(), 0, -a, 0, 0));
			}
		}
		return lines;
	}

}
