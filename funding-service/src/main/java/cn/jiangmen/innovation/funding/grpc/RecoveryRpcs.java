package cn.jiangmen.innovation.funding.grpc;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryDecision;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryMethod;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryReason;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryState;
import cn.jiangmen.innovation.funding.application.PaymentQueries;
import cn.jiangmen.innovation.funding.application.RecoveryCommands;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.payment.Recovery;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;

import org.springframework.stereotype.Component;

/** Recovery demands (追回) over gRPC: map, call one use case, map back. */
@Component
class RecoveryRpcs {

	private final RecoveryCommands commands;

	private final PaymentQueries queries;

	RecoveryRpcs(RecoveryCommands commands, PaymentQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	RaiseRecoveryResponse raise(RaiseRecoveryRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		long amount = CnyAmount.ofMinor(request.hasAmount() ? request.getAmount().getCurrencyCode() : null,
				request.hasAmount() ? request.getAmount().getMinorUnits() : null, "amount", violations);
		RecoveryCommands.Demand demand = RecoveryCommands.demand(request.getCommitmentId(),
				suffix(request.getReason().name(), "RECOVERY_REASON_", request.getReason() == RecoveryReason.RECOVERY_REASON_UNSPECIFIED),
				request.getExplanation(),
				suffix(request.getMethod().name(), "RECOVERY_METHOD_", request.getMethod() == RecoveryMethod.RECOVERY_METHOD_UNSPECIFIED),
				amount, violations);
		return RaiseRecoveryResponse.newBuilder()
			.setRecovery(recovery(this.commands.raise(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
					demand, "amount.minor_units")))
			.build();
	}

	cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryResponse raiseForProject(
			cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryRequest request) {
		List<FieldViolation> violations = new ArrayList<>();
		// nothing released (no milestone accepted) is a valid answer here: funding then raises no demand
		boolean none = request.hasReleased() && request.getReleased().getMinorUnits() == 0
				&& "CNY".equals(request.getReleased().getCurrencyCode());
		long released = none ? 0 : CnyAmount.ofMinor(request.hasReleased() ? request.getReleased().getCurrencyCode() : null,
				request.hasReleased() ? request.getReleased().getMinorUnits() : null, "released", violations);
		if (request.getReason() != RecoveryReason.RECOVERY_REASON_FAILED_ACCEPTANCE) {
			violations.add(new FieldViolation("reason", "required",
					"must be FAILED_ACCEPTANCE: misconduct is raised by a person"));
		}
		if (!violations.isEmpty()) {
			throw new cn.jiangmen.innovation.platform.error.InvalidInputException(violations);
		}
		RecoveryCommands.ProjectRecovery answer = this.commands.raiseForProject(Callers.current(),
				request.getIdempotencyKey(), "idempotency_key", request.getProjectId(), request.getExplanation(), released);
		var response = cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryResponse.newBuilder()
			.setNoDemandReason(answer.noDemandReason() == null ? "" : answer.noDemandReason());
		if (answer.recovery() != null) {
			response.setRecovery(recovery(answer.recovery()));
		}
		return response.build();
	}

	DecideRecoveryResponse decide(DecideRecoveryRequest request) {
		if (request.getDecision() == RecoveryDecision.RECOVERY_DECISION_UNSPECIFIED
				|| request.getDecision() == RecoveryDecision.UNRECOGNIZED) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		return DecideRecoveryResponse.newBuilder()
			.setRecovery(recovery(this.commands.decide(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
					request.getRecoveryId(), request.getDecision() == RecoveryDecision.RECOVERY_DECISION_APPROVE,
					request.getReason())))
			.build();
	}

	ConfirmRecoveryRepaymentResponse repaid(ConfirmRecoveryRepaymentRequest request) {
		return ConfirmRecoveryRepaymentResponse.newBuilder()
			.setRecovery(recovery(this.commands.confirmRepayment(Callers.current(), request.getIdempotencyKey(),
					"idempotency_key", request.getRecoveryId(), request.getBankReference())))
			.build();
	}

	ListRecoveriesResponse list(ListRecoveriesRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		var recoveries = this.queries.recoveries(Callers.current(), page);
		return ListRecoveriesResponse.newBuilder()
			.addAllRecoveries(recoveries.stream().map(RecoveryRpcs::recovery).toList())
			.setNextPageToken(page.nextToken(recoveries.size()))
			.build();
	}

	static cn.jiangmen.innovation.contracts.funding.v1.Recovery recovery(Recovery r) {
		return cn.jiangmen.innovation.contracts.funding.v1.Recovery.newBuilder()
			.setRecoveryId(r.id().toString())
			.setCommitmentId(r.commitmentId().toString())
			.setOrganisationId(r.organisationId().toString())
			.setReason(RecoveryReason.valueOf("RECOVERY_REASON_" + r.reason().name()))
			.setExplanation(r.explanation())
			.setAmount(BatchRpcs.money(r.amountMinor()))
			.setMethod(RecoveryMethod.valueOf("RECOVERY_METHOD_" + r.method().name()))
			.setState(RecoveryState.valueOf("RECOVERY_STATE_" + r.state().name()))
			.setRaisedBy(r.raisedBy().username())
			.setDecidedBy(r.decidedBy() == null ? "" : r.decidedBy().username())
			.setDecisionReason(r.decisionReason() == null ? "" : r.decisionReason())
			.setOffsetTrancheId(r.offsetTrancheId() == null ? "" : r.offsetTrancheId().toString())
			.setBankReference(r.bankReference() == null ? "" : r.bankReference())
			.build();
	}

	private static String suffix(String name, String prefix, boolean unspecified) {
		return unspecified || !name.startsWith(prefix) ? "" : name.substring(prefix.length());
	}

}
