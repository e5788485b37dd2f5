package cn.jiangmen.innovation.funding.domain.voucher;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The provider register (implemented in persistence). */
public interface VoucherProviders {

	/** False when the organisation is registered already. */
	boolean add(VoucherProvider provider);

	Optional<VoucherProvider> find(UUID organisationId);

	List<VoucherProvider> list(int offset, int limit);

}
