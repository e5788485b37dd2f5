package cn.jiangmen.innovation.funding.grpc;

import cn.jiangmen.innovation.contracts.funding.v1.GetInstrumentRulesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetInstrumentRulesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceResponse;
import cn.jiangmen.innovation.contracts.funding.v1.InterestSubsidyRulesMessage;
import cn.jiangmen.innovation.contracts.funding.v1.PostSubsidyRulesMessage;
import cn.jiangmen.innovation.contracts.funding.v1.RuleVersionInfo;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherRulesMessage;
import cn.jiangmen.innovation.funding.application.InstrumentQueries;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InterestSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.PostSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.security.Callers;

import org.springframework.stereotype.Component;

/** The instruments' rules and an enterprise's voucher allowance over gRPC (the portal's voucher pages): map, call, map back. */
@Component
class InstrumentRuleRpcs {

	private final InstrumentQueries queries;

	InstrumentRuleRpcs(InstrumentQueries queries) {
		this.queries = queries;
	}

	GetInstrumentRulesResponse rules(GetInstrumentRulesRequest request) {
		Caller caller = Callers.current();
		int year = request.getFiscalYear();
		var response = GetInstrumentRulesResponse.newBuilder().setFiscalYear(year);
		ProtoFieldNames.named(() -> this.queries.rules(caller, Instrument.VOUCHER, year, VoucherRules.class))
			.ifPresent(v -> response.setVouchers(VoucherRulesMessage.newBuilder()
				.setVersion(version(v))
				.setProgramCode(v.rules().programCode())
				.setPerEnterpriseCap(ListPages.fen(v.rules().perEnterpriseCapMinor()))
				.setSharePercent(v.rules().sharePercent())
				.setExpiresOn(v.rules().expiresOn().toString())));
		ProtoFieldNames.named(() -> this.queries.rules(caller, Instrument.POST_SUBSIDY, year, PostSubsidyRules.class))
			.ifPresent(v -> response.setPostSubsidies(PostSubsidyRulesMessage.newBuilder()
				.setVersion(version(v))
				.setProgramCode(v.rules().programCode())
				.setNationalAmount(ListPages.fen(v.rules().nationalMinor()))
				.setProvincialAmount(ListPages.fen(v.rules().provincialMinor()))
				.setCityAmount(ListPages.fen(v.rules().cityMinor()))
				.setRecognisedFrom(v.rules().recognisedFrom().toString())
				.setRecognisedUntil(v.rules().recognisedUntil().toString())));
		ProtoFieldNames.named(() -> this.queries.rules(caller, Instrument.INTEREST_SUBSIDY, year, InterestSubsidyRules.class))
			.ifPresent(v -> response.setInterestSubsidies(InterestSubsidyRulesMessage.newBuilder()
				.setVersion(version(v))
				.setProgramCode(v.rules().programCode())
				.setSharePercent(v.rules().sharePercent())
				.setPerEnterpriseCap(ListPages.fen(v.rules().perEnterpriseCapMinor()))));
		return response.build();
	}

	GetVoucherAllowanceResponse voucherAllowance(GetVoucherAllowanceRequest request) {
		InstrumentQueries.VoucherAllowance allowance = ProtoFieldNames.named(() -> this.queries
			.voucherAllowance(Callers.current(), request.getOrganisationId(), request.getFiscalYear()));
		var response = GetVoucherAllowanceResponse.newBuilder()
			.setOrganisationId(allowance.organisation().toString())
			.setFiscalYear(allowance.fiscalYear())
			.setRulesSet(allowance.capMinor() != null)
			.setIssued(ListPages.fen(allowance.issuedMinor()));
		if (allowance.capMinor() != null) {
			response.setCap(ListPages.fen(allowance.capMinor())).setRemaining(ListPages.fen(allowance.remainingMinor()));
		}
		return response.build();
	}

	private static RuleVersionInfo version(RuleVersion<?> v) {
		return RuleVersionInfo.newBuilder()
			.setVersion(v.version())
			.setSetBy(v.setByName() == null ? "" : v.setByName())
			.setSetAt(v.setAt().toString())
			.build();
	}

}
