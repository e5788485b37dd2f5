package cn.jiangmen.innovation.funding.domain.voucher;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Innovation vouchers (implemented in persistence). */
public interface Vouchers {

	void add(Voucher voucher);

	Optional<Voucher> find(Voucher.Id id);

	/** Locks the voucher's row until the transaction ends: concurrent redemptions queue behind it. */
	Optional<Voucher> lock(Voucher.Id id);

	/** False when the version changed meanwhile. */
	boolean update(Voucher voucher);

	/** Vouchers of an enterprise, newest first (all vouchers when enterprise is null). */
	List<Voucher> list(UUID enterprise, int offset, int limit);

	/** Vouchers redeemed with a provider (服务机构), newest first. */
	List<Voucher> redeemedWith(UUID provider, int offset, int limit);

	/** Issued vouchers whose end date is before {@code today}, skipping rows another replica holds. */
	List<Voucher.Id> dueForExpiry(LocalDate today, int limit);

}
