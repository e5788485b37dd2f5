package cn.jiangmen.innovation.funding.application;

import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.instrument.Allowances;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentAccess;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the instruments for the portal: the rules in force for a year (absent where a program
 * manager has set none) and an enterprise's voucher allowance (the yearly cap, what was issued,
 * what remains). An applicant reads their own organisation's allowance only.
 */
@Service
public class InstrumentQueries {

	/** An enterprise's vouchers of a year against the cap; {@code capMinor} null when the year has no rules. */
	public record VoucherAllowance(UUID organisation, int fiscalYear, Long capMinor, long issuedMinor) {

		/** What may still be issued; never below zero (a cap lowered after issuing leaves nothing). */
		public Long remainingMinor() {
			return this.capMinor == null ? null : Math.max(0, this.capMinor - this.issuedMinor);
		}

	}

	private final InstrumentRules rules;

	private final Allowances allowances;

	public InstrumentQueries(InstrumentRules rules, Allowances allowances) {
		this.rules = rules;
		this.allowances = allowances;
	}

	public <T> Optional<RuleVersion<T>> rules(Caller caller, Instrument instrument, int fiscalYear, Class<T> type) {
		if (!InstrumentAccess.mayReadRules(caller)) {
			throw new AccessDeniedException("Not allowed to read instrument rules");
		}
		InstrumentRuleCommands.requireYear(fiscalYear);
		return this.rules.current(instrument, fiscalYear, type);
	}

	/** @param organisationId empty for an applicant's own organisation; required for bureau staff */
	@Transactional(readOnly = true)
	public VoucherAllowance voucherAllowance(Caller caller, String organisationId, int fiscalYear) {
		UUID organisation = organisationId == null || organisationId.isBlank() ? caller.organisationId()
			.filter(o -> caller.hasRole("applicant"))
			.orElseThrow(() -> new InvalidInputException("organisationId", "required", "must name the enterprise"))
				: VoucherCommands.uuid(organisationId, "organisationId");
		if (!InstrumentAccess.mayRead(caller, organisation)) {
			throw new AccessDeniedException("An applicant reads their own organisation's voucher allowance only");
		}
		InstrumentRuleCommands.requireYear(fiscalYear);
		Long cap = this.rules.current(Instrument.VOUCHER, fiscalYear, VoucherRules.class)
			.map(v -> v.rules().perEnterpriseCapMinor())
			.orElse(null);
		return new VoucherAllowance(organisation, fiscalYear, cap,
				this.allowances.used(Instrument.VOUCHER, organisation, fiscalYear));
	}

}
