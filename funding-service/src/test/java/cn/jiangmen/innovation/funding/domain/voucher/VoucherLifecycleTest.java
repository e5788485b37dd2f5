package cn.jiangmen.innovation.funding.domain.voucher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.jiangmen.innovation.funding.domain.Tranche.Person;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.EXPIRED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.ISSUED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.REDEEMED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.SETTLED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.SETTLEMENT_PREPARED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (state, action) pair, 5 x 5 = 25 cases, driven through the voucher's own methods: the
 * allowed ones land in the expected state, all others are refused as a conflict. The expected
 * table is written out here independently of {@link VoucherLifecycle}'s.
 */
class VoucherLifecycleTest {

	private static final Map<VoucherState, Map<VoucherAction, VoucherState>> EXPECTED = Map.of(ISSUED,
			Map.of(VoucherAction.REDEEM, REDEEMED, VoucherAction.EXPIRE, EXPIRED), REDEEMED,
			Map.of(VoucherAction.PREPARE_SETTLEMENT, SETTLEMENT_PREPARED), SETTLEMENT_PREPARED,
			Map.of(VoucherAction.APPROVE_SETTLEMENT, SETTLED, VoucherAction.REJECT_SETTLEMENT, REDEEMED));

	static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

	static final LocalDate TODAY = LocalDate.parse("2026-06-01");

	static final Caller ENTERPRISE = Caller.of("applicant1", "applicant");

	static final Caller MAKER = Caller.of("officer", "finance-officer");

	static final Caller CHECKER = Caller.of("approver", "finance-approver");

	static Stream<Arguments> allowed() {
		List<Arguments> cases = new ArrayList<>();
		EXPECTED.forEach((from, moves) -> moves.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
		return cases.stream();
	}

	static Stream<Arguments> refused() {
		List<Arguments> cases = new ArrayList<>();
		for (VoucherState from : VoucherState.values()) {
			for (VoucherAction action : VoucherAction.values()) {
				if (!EXPECTED.getOrDefault(from, Map.of()).containsKey(action)) {
					cases.add(Arguments.of(from, action));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedTransition(VoucherState from, VoucherAction action, VoucherState to) {
		assertThat(apply(in(from), action).state()).isEqualTo(to);
		assertThat(VoucherLifecycle.target(from, action)).contains(to);
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("refused")
	void refusedTransition(VoucherState from, VoucherAction action) {
		Voucher voucher = in(from);
		assertThatThrownBy(() -> apply(voucher, action)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("voucher.transition-not-allowed"));
		assertThat(voucher.state()).isEqualTo(from);
		assertThat(VoucherLifecycle.target(from, action)).isEmpty();
	}

	@Test
	void theVoucherPaysItsShareOfThePriceRoundedDownAndAtMostItsFaceValue() {
		// 50% of 333.33 yuan = 166.665 yuan: 16,666 fen (down: never more than the share)
		assertThat(issued(1_000_000L).redeem(ENTERPRISE, UUID.randomUUID(), "C-1", 33_333L, TODAY, UUID.randomUUID(), NOW)
			.redemption()
			.redeemedMinor()).isEqualTo(16_666L);
		// 50% of 30,000 yuan = 15,000 yuan, but the face value is 10,000 yuan
		assertThat(issued(1_000_000L).redeem(ENTERPRISE, UUID.randomUUID(), "C-2", 3_000_000L, TODAY, UUID.randomUUID(),
				NOW)
			.redemption()
			.redeemedMinor()).isEqualTo(1_000_000L);
		assertThatThrownBy(() -> issued(100L).redeem(ENTERPRISE, UUID.randomUUID(), "C-3", 1L, TODAY, UUID.randomUUID(), NOW))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations().get(0).field()).isEqualTo("contractPrice"));
	}

	@Test
	void aVoucherIsRedeemableOnItsEndDateAndNotTheDayAfter() {
		Voucher voucher = issued(100_000L);
		LocalDate end = voucher.expiresOn();
		assertThat(voucher.redeem(ENTERPRISE, UUID.randomUUID(), "C", 100_000L, end, UUID.randomUUID(), NOW).state())
			.isEqualTo(REDEEMED);
		assertThatThrownBy(
				() -> voucher.redeem(ENTERPRISE, UUID.randomUUID(), "C", 100_000L, end.plusDays(1), UUID.randomUUID(), NOW))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("voucher.expired"));
	}

	@Test
	void aRejectedSettlementNeedsAReason() {
		Voucher prepared = in(SETTLEMENT_PREPARED);
		assertThatThrownBy(() -> prepared.decideSettlement(CHECKER, false, " ", NOW))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations().get(0).field()).isEqualTo("reason"));
	}

	private static Voucher issued(long face) {
		return new Voucher(Voucher.Id.newId(), UUID.randomUUID(), 2026, "vouchers", face, 50, LocalDate.parse("2026-06-30"),
				ISSUED, UUID.randomUUID(), new Person("manager", "manager"), NOW, null, null, null, 0);
	}

	private static Voucher in(VoucherState state) {
		Voucher issued = issued(100_000L);
		return switch (state) {
			case ISSUED -> issued;
			case EXPIRED -> issued.expire(NOW);
			case REDEEMED -> issued.redeem(ENTERPRISE, UUID.randomUUID(), "C", 100_000L, TODAY, UUID.randomUUID(), NOW);
			case SETTLEMENT_PREPARED -> in(REDEEMED).prepareSettlement(MAKER, "INV-1", NOW);
			case SETTLED -> in(SETTLEMENT_PREPARED).decideSettlement(CHECKER, true, "", NOW);
		};
	}

	private static Voucher apply(Voucher voucher, VoucherAction action) {
		return switch (action) {
			case REDEEM -> voucher.redeem(ENTERPRISE, UUID.randomUUID(), "C", 100_000L, TODAY, UUID.randomUUID(), NOW);
			case PREPARE_SETTLEMENT -> voucher.prepareSettlement(MAKER, "INV-1", NOW);
			case APPROVE_SETTLEMENT -> voucher.decideSettlement(CHECKER, true, "", NOW);
			case REJECT_SETTLEMENT -> voucher.decideSettlement(CHECKER, false, "no invoice", NOW);
			case EXPIRE -> voucher.expire(NOW);
		};
	}

}
