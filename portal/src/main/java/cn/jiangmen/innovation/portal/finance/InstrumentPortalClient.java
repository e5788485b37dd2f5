package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetInstrumentRulesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetInstrumentRulesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceResponse;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimQueue;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyKind;
import cn.jiangmen.innovation.portal.web.PagedRpcs;
import cn.jiangmen.innovation.portal.web.ServiceErrors;
import io.grpc.StatusRuntimeException;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The instruments' side of funding-service for the portal (channel {@code funding}, the user's token
 * relayed): subsidy claims (后补助, 贷款贴息) in finance's queues and their four-eyes payment, the
 * rules of a year and an enterprise's voucher allowance. Kept apart from {@link FundingPortalClient},
 * which serves awards, tranches, budgets and batches.
 */
@Component
public class InstrumentPortalClient {

	private static final long DEADLINE_MS = 5000;

	private final FundingServiceGrpc.FundingServiceBlockingStub stub;

	public InstrumentPortalClient(GrpcChannelFactory channels) {
		this.stub = FundingServiceGrpc.newBlockingStub(channels.createChannel(FundingPortalClient.CHANNEL));
	}

	/** Every claim of the queue (UNSPECIFIED: all), kind and year (0: all) that funding lets the caller see. */
	public List<SubsidyClaim> claims(SubsidyClaimQueue queue, SubsidyKind kind, int fiscalYear) {
		return call(() -> PagedRpcs.all(token -> stub().listSubsidyClaims(ListSubsidyClaimsRequest.newBuilder()
			.setQueue(queue)
			.setKind(kind)
			.setFiscalYear(fiscalYear)
			.setPageSize(FundingPortalClient.PAGE)
			.setPageToken(token)
			.build()), r -> r.getClaimsList(), r -> r.getNextPageToken(), "funding-service"));
	}

	public SubsidyClaim claim(String claimId) {
		return call(() -> stub().getSubsidyClaim(GetSubsidyClaimRequest.newBuilder().setClaimId(claimId).build()).getClaim());
	}

	public SubsidyClaim preparePayment(String idempotencyKey, String claimId) {
		return call(() -> stub().prepareSubsidyPayment(
				PrepareSubsidyPaymentRequest.newBuilder().setIdempotencyKey(idempotencyKey).setClaimId(claimId).build())
			.getClaim());
	}

	public SubsidyClaim decidePayment(String idempotencyKey, String claimId, boolean approve, String reason) {
		return call(() -> stub().decideSubsidyPayment(DecideSubsidyPaymentRequest.newBuilder()
			.setIdempotencyKey(idempotencyKey)
			.setClaimId(claimId)
			.setDecision(approve ? InstrumentDecision.INSTRUMENT_DECISION_APPROVE
					: InstrumentDecision.INSTRUMENT_DECISION_REJECT)
			.setReason(reason == null ? "" : reason)
			.build()).getClaim());
	}

	public GetInstrumentRulesResponse rules(int fiscalYear) {
		return call(() -> stub().getInstrumentRules(GetInstrumentRulesRequest.newBuilder().setFiscalYear(fiscalYear).build()));
	}

	/** @param organisationId empty for the applicant's own organisation */
	public GetVoucherAllowanceResponse voucherAllowance(String organisationId, int fiscalYear) {
		return call(() -> stub().getVoucherAllowance(GetVoucherAllowanceRequest.newBuilder()
			.setOrganisationId(organisationId == null ? "" : organisationId)
			.setFiscalYear(fiscalYear)
			.build()));
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub() {
		return this.stub.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
	}

	private static <T> T call(Supplier<T> rpc) {
		try {
			return rpc.get();
		}
		catch (StatusRuntimeException ex) {
			throw ServiceErrors.translate("funding-service", ex);
		}
	}

}
