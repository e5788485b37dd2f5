package cn.jiangmen.innovation.funding.grpc;

import cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ReviewSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimState;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyKind;
import cn.jiangmen.innovation.funding.application.SubsidyCommands;
import cn.jiangmen.innovation.funding.domain.subsidy.SubsidyClaim;
import cn.jiangmen.innovation.platform.security.Callers;

import org.springframework.stereotype.Component;

/** The subsidy-claim RPCs of FundingService (后补助, 贷款贴息): map, call one use case, map back. */
@Component
class SubsidyRpcs {

	private final SubsidyCommands commands;

	SubsidyRpcs(SubsidyCommands commands) {
		this.commands = commands;
	}

	cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim review(ReviewSubsidyClaimRequest request) {
		return claim(ProtoFieldNames.named(() -> this.commands.review(Callers.current(), request.getIdempotencyKey(), VoucherRpcs.KEY,
				request.getClaimId(), VoucherRpcs.approve(request.getDecision()), request.getReason())));
	}

	cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim preparePayment(PrepareSubsidyPaymentRequest request) {
		return claim(ProtoFieldNames.named(() -> this.commands.preparePayment(Callers.current(), request.getIdempotencyKey(), VoucherRpcs.KEY,
				request.getClaimId())));
	}

	cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim decidePayment(DecideSubsidyPaymentRequest request) {
		return claim(ProtoFieldNames.named(() -> this.commands.decidePayment(Callers.current(), request.getIdempotencyKey(), VoucherRpcs.KEY,
				request.getClaimId(), VoucherRpcs.approve(request.getDecision()), request.getReason())));
	}

	cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim get(GetSubsidyClaimRequest request) {
		return claim(ProtoFieldNames.named(() -> this.commands.find(Callers.current(), request.getClaimId())));
	}

	static cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim claim(SubsidyClaim c) {
		return cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim.newBuilder()
			.setClaimId(c.id().toString())
			.setKind(SubsidyKind.valueOf("SUBSIDY_KIND_" + c.instrument().name()))
			.setOrganisationId(c.organisationId().toString())
			.setFiscalYear(c.fiscalYear())
			.setAmount(VoucherRpcs.money(c.amountMinor()))
			.setState(SubsidyClaimState.valueOf("SUBSIDY_CLAIM_STATE_" + c.state().name()))
			.build();
	}

}
