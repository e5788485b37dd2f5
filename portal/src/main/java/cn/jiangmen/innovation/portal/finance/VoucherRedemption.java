package cn.jiangmen.innovation.portal.finance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherState;

/**
 * The rules the redeem pages show before funding-service applies them: which vouchers may still be
 * redeemed (issued, not past their redeem-by date in Beijing, as funding's expiry), what a voucher
 * pays of a contract (its share, at most the face value, rounded down to the fen as funding does),
 * and which form field funding's field names belong to.
 */
final class VoucherRedemption {

	/** Redeem-by dates are Beijing dates, as funding's voucher expiry. */
	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** funding's Voucher.MAX_REFERENCE_LENGTH. */
	static final int MAX_REFERENCE = 100;

	private VoucherRedemption() {
	}

	static boolean redeemable(Voucher v, LocalDate today) {
		if (v.getState() != VoucherState.VOUCHER_STATE_ISSUED) {
			return false;
		}
		try {
			return !today.isAfter(LocalDate.parse(v.getExpiresOn()));
		}
		catch (DateTimeParseException ex) {
			// no date funding could have meant: let funding decide when it is tried
			return true;
		}
	}

	static Set<String> redeemableIds(Collection<Voucher> vouchers) {
		LocalDate today = LocalDate.now(BEIJING);
		return vouchers.stream()
			.filter(v -> redeemable(v, today))
			.map(Voucher::getVoucherId)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** What the voucher pays of a contract at this price: its share, at most the face value. */
	static long pays(Voucher v, long priceFen) {
		long share = Math.multiplyExact(priceFen, (long) v.getSharePercent()) / 100;
		return Math.min(v.getFace().getMinorUnits(), share);
	}

	/** funding names gRPC (or domain) fields; the form has provider, reference, price. */
	static String formField(String field) {
		return switch (field == null ? "" : field) {
			case "provider_id", "providerId" -> "provider";
			case "contract_reference", "contractReference" -> "reference";
			case "contract_price", "contractPrice", "contract_price.minor_units", "contract_price.currency_code" ->
				"price";
			default -> "";
		};
	}

}
