package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.payment.BeneficiaryAccount;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatches;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank account an organisation is paid to (收款账户). Entered by a finance officer; every change
 * is audited with the account before and after, so a swapped account number is traceable to a
 * person. Batches copy the account into each line when they are made.
 */
@Service
public class BeneficiaryAccountCommands {

	static final String OBJECT_TYPE = "beneficiary-account";

	private final PaymentBatches batches;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	public BeneficiaryAccountCommands(PaymentBatches batches, Audit audit, Clock clock, TransactionTemplate transactions) {
		this.batches = batches;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	public BeneficiaryAccount enter(Caller officer, String organisationId, String accountName, String accountNumber,
			String bankName, String bankCode) {
		if (!FundingAccess.isMaker(officer)) {
			throw new AccessDeniedException("Only finance officers enter beneficiaries' bank accounts");
		}
		UUID organisation = PaymentBatchCommands.uuid(organisationId)
			.orElseThrow(() -> new InvalidInputException("organisation_id", "id.malformed", "must be a UUID"));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		BeneficiaryAccount entered = BeneficiaryAccount.enter(organisation, accountName, accountNumber, bankName, bankCode,
				Tranche.Person.of(officer), now, 0);
		return this.transactions.execute(tx -> {
			var before = this.batches.account(organisation);
			this.batches.saveAccount(entered);
			this.audit.record(officer.username(), now, "beneficiary-account.entered", OBJECT_TYPE, organisation,
					before.map(BeneficiaryAccountCommands::state).orElse(Map.of()), state(entered));
			return this.batches.account(organisation).orElseThrow();
		});
	}

	public BeneficiaryAccount find(Caller caller, String organisationId) {
		UUID organisation = PaymentBatchCommands.uuid(organisationId)
			.orElseThrow(() -> new InvalidInputException("organisation_id", "id.malformed", "must be a UUID"));
		if (!FundingAccess.mayReadAward(caller, organisation)) {
			throw new cn.jiangmen.innovation.platform.error.NotFoundException("Beneficiary account", organisation);
		}
		return this.batches.account(organisation)
			.orElseThrow(() -> new cn.jiangmen.innovation.platform.error.NotFoundException("Beneficiary account", organisation));
	}

	private static Map<String, Object> state(BeneficiaryAccount a) {
		return Map.of("accountName", a.accountName(), "accountNumber", a.accountNumber(), "bankName", a.bankName(),
				"bankCode", a.bankCode());
	}

}
