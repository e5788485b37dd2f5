package cn.jiangmen.innovation.funding.web;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.funding.application.InstrumentRuleCommands;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InterestSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.PostSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules of each instrument per fiscal year, set by a program manager: each change a new
 * version based on the one the manager read ({@code basedOnVersion}; none for the year's first),
 * audited; a stale version is 409 rule.stale.
 */
@RestController
@RequestMapping("/api/funding/instrument-rules")
@Tag(name = "Instrument rules", description = "Rules per instrument and fiscal year (versioned, audited)")
class InstrumentRuleController {

	private final InstrumentRuleCommands commands;

	InstrumentRuleController(InstrumentRuleCommands commands) {
		this.commands = commands;
	}

	/** Innovation-voucher rules as sent: the cap in yuan beside its currency. */
	record VoucherRulesRequest(String programCode, String perEnterpriseCap, String currency, Integer sharePercent,
			String expiresOn, Long basedOnVersion) {
	}

	/** Post-subsidy rules as sent: amounts per recognition level in yuan beside one currency. */
	record PostSubsidyRulesRequest(String programCode, String nationalAmount, String provincialAmount, String cityAmount,
			String currency, String recognisedFrom, String recognisedUntil, Long basedOnVersion) {
	}

	/** Interest-subsidy rules as sent: the share of interest paid and the yearly cap per enterprise in yuan. */
	record InterestSubsidyRulesRequest(String programCode, Integer sharePercent, String perEnterpriseCap, String currency,
			Long basedOnVersion) {
	}

	/** One version of a year's rules, with who set it and when. */
	record RuleVersionView<T>(String instrument, int fiscalYear, long version, T rules, String setBy, String setAt) {

		static <T> RuleVersionView<T> of(RuleVersion<T> v) {
			return new RuleVersionView<>(v.instrument().name(), v.fiscalYear(), v.version(), v.rules(), v.setByName(),
					v.setAt().toString());
		}

	}

	@PutMapping("/vouchers/{fiscalYear}")
	@Operation(summary = "A program manager sets the voucher rules of a year: program, yearly cap per enterprise, share of the price, end date")
	RuleVersionView<VoucherRules> setVoucherRules(@PathVariable("fiscalYear") int fiscalYear,
			@RequestBody VoucherRulesRequest body) {
		return RuleVersionView.of(this.commands.set(Callers.current(), Instrument.VOUCHER, fiscalYear,
				body.basedOnVersion(), VoucherRules.class, () -> {
					List<FieldViolation> violations = new ArrayList<>();
					long cap = CnyAmount.ofYuan(body.perEnterpriseCap(), body.currency(), "perEnterpriseCap", violations);
					return VoucherRules.of(body.programCode(), cap, violations, body.sharePercent(), body.expiresOn());
				}));
	}

	@GetMapping("/vouchers/{fiscalYear}")
	@Operation(summary = "The voucher rules in force for a year (404 when none are set)")
	RuleVersionView<VoucherRules> voucherRules(@PathVariable("fiscalYear") int fiscalYear) {
		return RuleVersionView.of(this.commands.current(Callers.current(), Instrument.VOUCHER, fiscalYear, VoucherRules.class));
	}

	@GetMapping("/vouchers/{fiscalYear}/history")
	@Operation(summary = "Every version of a year's voucher rules, newest first")
	List<RuleVersionView<VoucherRules>> voucherRuleHistory(@PathVariable("fiscalYear") int fiscalYear) {
		return this.commands.history(Callers.current(), Instrument.VOUCHER, fiscalYear, VoucherRules.class)
			.stream()
			.map(RuleVersionView::of)
			.toList();
	}

	@PutMapping("/post-subsidies/{fiscalYear}")
	@Operation(summary = "A program manager sets the post-subsidy rules of a year: amount per recognition level, the recognition window")
	RuleVersionView<PostSubsidyRules> setPostSubsidyRules(@PathVariable("fiscalYear") int fiscalYear,
			@RequestBody PostSubsidyRulesRequest body) {
		return RuleVersionView.of(this.commands.set(Callers.current(), Instrument.POST_SUBSIDY, fiscalYear,
				body.basedOnVersion(), PostSubsidyRules.class, () -> {
					List<FieldViolation> violations = new ArrayList<>();
					long national = CnyAmount.ofYuan(body.nationalAmount(), body.currency(), "nationalAmount", violations);
					long provincial = CnyAmount.ofYuan(body.provincialAmount(), body.currency(), "provincialAmount", violations);
					long city = CnyAmount.ofYuan(body.cityAmount(), body.currency(), "cityAmount", violations);
					return PostSubsidyRules.of(body.programCode(), national, provincial, city,
							violations.stream().distinct().toList(), body.recognisedFrom(), body.recognisedUntil());
				}));
	}

	@GetMapping("/post-subsidies/{fiscalYear}")
	@Operation(summary = "The post-subsidy rules in force for a year (404 when none are set)")
	RuleVersionView<PostSubsidyRules> postSubsidyRules(@PathVariable("fiscalYear") int fiscalYear) {
		return RuleVersionView.of(
				this.commands.current(Callers.current(), Instrument.POST_SUBSIDY, fiscalYear, PostSubsidyRules.class));
	}

	@PutMapping("/interest-subsidies/{fiscalYear}")
	@Operation(summary = "A program manager sets the interest-subsidy rules of a year: share of the interest, yearly cap per enterprise")
	RuleVersionView<InterestSubsidyRules> setInterestSubsidyRules(@PathVariable("fiscalYear") int fiscalYear,
			@RequestBody InterestSubsidyRulesRequest body) {
		return RuleVersionView.of(this.commands.set(Callers.current(), Instrument.INTEREST_SUBSIDY, fiscalYear,
				body.basedOnVersion(), InterestSubsidyRules.class, () -> {
					List<FieldViolation> violations = new ArrayList<>();
					long cap = CnyAmount.ofYuan(body.perEnterpriseCap(), body.currency(), "perEnterpriseCap", violations);
					return InterestSubsidyRules.of(body.programCode(), body.sharePercent(), cap, violations);
				}));
	}

	@GetMapping("/interest-subsidies/{fiscalYear}")
	@Operation(summary = "The interest-subsidy rules in force for a year (404 when none are set)")
	RuleVersionView<InterestSubsidyRules> interestSubsidyRules(@PathVariable("fiscalYear") int fiscalYear) {
		return RuleVersionView.of(this.commands.current(Callers.current(), Instrument.INTEREST_SUBSIDY, fiscalYear,
				InterestSubsidyRules.class));
	}

}
