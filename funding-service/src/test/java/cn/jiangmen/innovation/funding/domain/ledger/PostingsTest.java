package cn.jiangmen.innovation.funding.domain.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-phase transfers against balances with limits, as TigerBeetle defines them. */
class PostingsTest {

	static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

	static final Map<String, AccountBalance> OPEN = Map.of(
			"treasury", AccountBalance.empty("treasury", AccountLimit.NONE),
			"appropriation", new AccountBalance("appropriation", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS, 0, 0, 0, 1_000),
			"commitment", AccountBalance.empty("commitment", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS),
			"payable", AccountBalance.empty("payable", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS));

	@Test
	void aPendingTransferReservesThenPostsTheWholeAmount() {
		Transfer pending = Transfer.pending(java.util.UUID.randomUUID(), "appropriation", "commitment", 600, "t", NOW);
		Postings.Outcome reserved = Postings.apply(OPEN, List.of(pending));
		assertThat(reserved.accepted()).isTrue();
		assertThat(reserved.balances().get("appropriation").available()).isEqualTo(400);
		Postings.Outcome posted = Postings.apply(reserved.balances(), List.of(Transfer.post(pending, "p", NOW),
				Transfer.single("commitment", "payable", 600, "payable", NOW)));
		assertThat(posted.accepted()).isTrue();
		AccountBalance appropriation = posted.balances().get("appropriation");
		assertThat(appropriation.debitsPending()).isZero();
		assertThat(appropriation.debitsPosted()).isEqualTo(600);
		assertThat(appropriation.available()).isEqualTo(400);
		assertThat(posted.balances().get("payable").creditsPosted()).isEqualTo(600);
		assertThat(posted.balances().get("commitment")).isEqualTo(
				new AccountBalance("commitment", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS, 0, 0, 600, 600));
	}

	@Test
	void aVoidReleasesThePendingAmount() {
		Transfer pending = Transfer.pending(java.util.UUID.randomUUID(), "appropriation", "commitment", 600, "t", NOW);
		var reserved = Postings.apply(OPEN, List.of(pending)).balances();
		var released = Postings.apply(reserved, List.of(Transfer.voiding(pending, "v", NOW))).balances();
		assertThat(released).isEqualTo(OPEN);
	}

	@Test
	void linkedTransfersAreAllOrNoneAgainstTheLimit() {
		Postings.Outcome outcome = Postings.apply(OPEN,
				List.of(Transfer.pending(java.util.UUID.randomUUID(), "appropriation", "commitment", 700, "a", NOW),
						Transfer.pending(java.util.UUID.randomUUID(), "appropriation", "commitment", 301, "b", NOW)));
		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.refusedAccount()).contains("appropriation");
		assertThat(outcome.balances()).isEqualTo(OPEN);
		assertThat(Postings.apply(OPEN,
				List.of(Transfer.pending(java.util.UUID.randomUUID(), "appropriation", "commitment", 1_000, "all", NOW)))
			.accepted()).isTrue();
	}

	@Test
	void aReversalUndoesAPostedTransferWithinTheLimit() {
		Transfer raise = Transfer.single("treasury", "appropriation", 500, "raise", NOW);
		var raised = Postings.apply(OPEN, List.of(raise)).balances();
		assertThat(raised.get("appropriation").available()).isEqualTo(1_500);
		var reversed = Postings.apply(raised, List.of(raise.reversal("correction", NOW)));
		assertThat(reversed.accepted()).isTrue();
		assertThat(reversed.balances().get("appropriation").available()).isEqualTo(1_000);
		// no reversal may take an appropriation below what it already promised
		var promised = Postings.apply(raised,
				List.of(Transfer.pending(java.util.UUID.randomUUID(), "appropriation", "commitment", 1_200, "p", NOW)));
		assertThat(Postings.apply(promised.balances(), List.of(raise.reversal("too late", NOW))).accepted()).isFalse();
	}

}
