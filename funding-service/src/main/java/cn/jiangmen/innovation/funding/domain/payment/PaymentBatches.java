package cn.jiangmen.innovation.funding.domain.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche;

/** Payment batches and their lines (implemented in persistence). */
public interface PaymentBatches {

	void add(PaymentBatch batch);

	Optional<PaymentBatch> find(PaymentBatch.Id id);

	/** Optimistic on the batch's version; lines are written as they are in the record. */
	boolean update(PaymentBatch batch);

	/** Newest first. */
	List<PaymentBatch> page(int offset, int size);

	/** Every line that ever carried the tranche, oldest first. */
	List<PaymentLine> linesOf(Tranche.Id tranche);

	Optional<BeneficiaryAccount> account(UUID organisation);

	void saveAccount(BeneficiaryAccount account);

}
