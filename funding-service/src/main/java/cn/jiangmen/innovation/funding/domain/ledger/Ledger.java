package cn.jiangmen.innovation.funding.domain.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The append-only two-phase ledger (implemented in persistence). */
public interface Ledger {

	/** Opens the account if it does not exist yet; an existing account keeps its limit. */
	void open(String code, String kind, AccountLimit limit);

	/**
	 * Applies linked transfers all or none, under row locks on their accounts (taken in code order,
	 * so two groups never deadlock). False, and nothing written, when an account would go beyond its
	 * limit. A pending transfer already posted or voided is a conflict.
	 */
	boolean apply(List<Transfer> linked);

	Optional<AccountBalance> balance(String code);

	Optional<Transfer> transfer(UUID id);

}
