package cn.jiangmen.innovation.funding.grpc;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.DecideVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherListView;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherState;
import cn.jiangmen.innovation.funding.application.VoucherCommands;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.voucher.Voucher;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;

import org.springframework.stereotype.Component;

/** The voucher RPCs of FundingService (科技创新券): map, call one use case, map back. */
@Component
class VoucherRpcs {

	static final String KEY = "idempotency_key";

	private final VoucherCommands commands;

	VoucherRpcs(VoucherCommands commands) {
		this.commands = commands;
	}

	cn.jiangmen.innovation.contracts.funding.v1.Voucher issue(IssueVoucherRequest request) {
		long amount = fen(request.hasAmount() ? request.getAmount() : null, "amount");
		return voucher(ProtoFieldNames.named(() -> this.commands.issue(Callers.current(), request.getIdempotencyKey(), KEY,
				request.getEnterpriseId(), request.getFiscalYear(), amount)));
	}

	cn.jiangmen.innovation.contracts.funding.v1.Voucher redeem(RedeemVoucherRequest request) {
		long price = fen(request.hasContractPrice() ? request.getContractPrice() : null, "contract_price");
		return voucher(ProtoFieldNames.named(() -> this.commands.redeem(Callers.current(), request.getIdempotencyKey(), KEY, request.getVoucherId(),
				request.getProviderId(), request.getContractReference(), price)));
	}

	cn.jiangmen.innovation.contracts.funding.v1.Voucher prepareSettlement(PrepareVoucherSettlementRequest request) {
		return voucher(ProtoFieldNames.named(() -> this.commands.prepareSettlement(Callers.current(), request.getIdempotencyKey(), KEY,
				request.getVoucherId(), request.getEvidenceReference())));
	}

	cn.jiangmen.innovation.contracts.funding.v1.Voucher decideSettlement(DecideVoucherSettlementRequest request) {
		return voucher(ProtoFieldNames.named(() -> this.commands.decideSettlement(Callers.current(), request.getIdempotencyKey(), KEY,
				request.getVoucherId(), approve(request.getDecision()), request.getReason())));
	}

	cn.jiangmen.innovation.contracts.funding.v1.Voucher get(GetVoucherRequest request) {
		return voucher(ProtoFieldNames.named(() -> this.commands.find(Callers.current(), request.getVoucherId())));
	}

	ListVouchersResponse list(ListVouchersRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		boolean asProvider = request.getView() == VoucherListView.VOUCHER_LIST_VIEW_PROVIDER;
		Caller caller = Callers.current();
		List<Voucher> vouchers = ProtoFieldNames.named(() -> this.commands.list(caller, asProvider,
				request.getOrganisationId(), page.offset(), page.size()));
		return ListVouchersResponse.newBuilder()
			.addAllVouchers(vouchers.stream().map(v -> voucher(v, caller)).toList())
			.setNextPageToken(page.nextToken(vouchers.size()))
			.build();
	}

	static boolean approve(InstrumentDecision decision) {
		if (decision == InstrumentDecision.INSTRUMENT_DECISION_UNSPECIFIED || decision == InstrumentDecision.UNRECOGNIZED) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		return decision == InstrumentDecision.INSTRUMENT_DECISION_APPROVE;
	}

	/** Fen from a Money, refused naming the field ({@code amount.minor_units}, {@code amount.currency_code}). */
	static long fen(Money money, String field) {
		List<FieldViolation> violations = new ArrayList<>();
		long minor = CnyAmount.ofMinor(money == null ? null : money.getCurrencyCode(),
				money == null ? null : money.getMinorUnits(), field, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return minor;
	}

	static Money money(long minor) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(minor).build();
	}

	static cn.jiangmen.innovation.contracts.funding.v1.Voucher voucher(Voucher v) {
		return voucher(v, Callers.current());
	}

	static cn.jiangmen.innovation.contracts.funding.v1.Voucher voucher(Voucher v, Caller caller) {
		var builder = cn.jiangmen.innovation.contracts.funding.v1.Voucher.newBuilder()
			.setVoucherId(v.id().toString())
			.setEnterpriseId(v.enterpriseId().toString())
			.setFiscalYear(v.fiscalYear())
			.setFace(money(v.faceMinor()))
			.setSharePercent(v.sharePercent())
			.setExpiresOn(v.expiresOn().toString())
			.setState(VoucherState.valueOf("VOUCHER_STATE_" + v.state().name()));
		if (v.redemption() != null) {
			builder.setProviderId(v.redemption().providerId().toString())
				.setContractReference(v.redemption().contractReference())
				.setRedeemed(money(v.redemption().redeemedMinor()));
		}
		if (v.settlement() != null) {
			builder.setEvidenceReference(v.settlement().evidenceReference());
			if (v.settlement().preparedBy() != null) {
				builder.setSettlementPreparedBy(v.settlement().preparedBy().username())
					.setSettlementPreparedByCaller(v.settlement().preparedBy().subject().equals(caller.subject()));
			}
		}
		if (v.issuedAt() != null) {
			builder.setIssuedAt(v.issuedAt().toString());
		}
		return builder.build();
	}

}
