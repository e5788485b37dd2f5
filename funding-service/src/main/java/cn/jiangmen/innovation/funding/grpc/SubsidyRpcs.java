package cn.jiangmen.innovation.funding.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimQueue;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ReviewSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimState;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyKind;
import cn.jiangmen.innovation.funding.application.SubsidyCommands;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimFilter;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimQueue;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimState;
import cn.jiangmen.innovation.funding.domain.subsidy.SubsidyClaim;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
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

	ListSubsidyClaimsResponse list(ListSubsidyClaimsRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		Caller caller = Callers.current();
		ClaimFilter filter = new ClaimFilter(instrument(request.getKind()), null,
				request.getFiscalYear() == 0 ? null : request.getFiscalYear(), queue(request.getQueue()));
		List<SubsidyClaim> claims = ProtoFieldNames.named(() -> this.commands.list(caller, filter,
				request.getOrganisationId(), page.offset(), page.size()));
		return ListSubsidyClaimsResponse.newBuilder()
			.addAllClaims(claims.stream().map(c -> claim(c, caller)).toList())
			.setNextPageToken(page.nextToken(claims.size()))
			.build();
	}

	private static Instrument instrument(SubsidyKind kind) {
		return switch (kind) {
			case SUBSIDY_KIND_POST_SUBSIDY -> Instrument.POST_SUBSIDY;
			case SUBSIDY_KIND_INTEREST_SUBSIDY -> Instrument.INTEREST_SUBSIDY;
			case SUBSIDY_KIND_UNSPECIFIED -> null;
			case UNRECOGNIZED -> throw new InvalidInputException("kind", "value.unknown", "must be a SubsidyKind");
		};
	}

	private static ClaimQueue queue(SubsidyClaimQueue queue) {
		return switch (queue) {
			case SUBSIDY_CLAIM_QUEUE_TO_PREPARE -> ClaimQueue.TO_PREPARE;
			case SUBSIDY_CLAIM_QUEUE_TO_APPROVE -> ClaimQueue.TO_APPROVE;
			case SUBSIDY_CLAIM_QUEUE_REJECTED -> ClaimQueue.REJECTED;
			case SUBSIDY_CLAIM_QUEUE_UNSPECIFIED -> null;
			case UNRECOGNIZED -> throw new InvalidInputException("queue", "value.unknown", "must be a SubsidyClaimQueue");
		};
	}

	static cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim claim(SubsidyClaim c) {
		return claim(c, Callers.current());
	}

	static cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim claim(SubsidyClaim c, Caller caller) {
		var builder = cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim.newBuilder()
			.setClaimId(c.id().toString())
			.setKind(SubsidyKind.valueOf("SUBSIDY_KIND_" + c.instrument().name()))
			.setOrganisationId(c.organisationId().toString())
			.setFiscalYear(c.fiscalYear())
			.setAmount(VoucherRpcs.money(c.amountMinor()))
			.setState(SubsidyClaimState.valueOf("SUBSIDY_CLAIM_STATE_" + c.state().name()))
			.setProgramCode(c.programCode() == null ? "" : c.programCode())
			.setSubmittedAt(c.submittedAt().toString())
			.setEvidenceReference(c.postSubsidy() != null ? c.postSubsidy().recognitionDocument()
					: c.interestSubsidy().loanContract());
		if (c.review() != null) {
			builder.setReviewedBy(c.review().by().username());
			if (c.state() == ClaimState.REFUSED && c.review().reason() != null) {
				builder.setReviewReason(c.review().reason());
			}
		}
		if (c.preparedBy() != null) {
			builder.setPreparedBy(c.preparedBy().username())
				.setPreparedByCaller(c.preparedBy().subject().equals(caller.subject()));
		}
		if (c.payment() != null) {
			builder.setDecidedBy(c.payment().by().username())
				.setPaymentRejected(c.state() == ClaimState.REVIEWED);
			if (c.payment().reason() != null) {
				builder.setDecisionReason(c.payment().reason());
			}
		}
		return builder.build();
	}

}
