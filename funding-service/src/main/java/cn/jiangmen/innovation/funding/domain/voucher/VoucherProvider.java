package cn.jiangmen.innovation.funding.domain.voucher;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.organisation.OrganisationKind;

/** An entry of the provider register (服务机构名录): where vouchers may be redeemed. */
public record VoucherProvider(UUID organisationId, String name, OrganisationKind kind, String registeredBy,
		Instant registeredAt) {

	public VoucherProvider {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
	}

	/** Universities, institutes and service agencies provide services; enterprises buy them. */
	public static boolean mayProvide(OrganisationKind kind) {
		return kind == OrganisationKind.UNIVERSITY || kind == OrganisationKind.INSTITUTE
				|| kind == OrganisationKind.SERVICE_AGENCY;
	}

}
