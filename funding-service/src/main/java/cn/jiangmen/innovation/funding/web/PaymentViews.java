package cn.jiangmen.innovation.funding.web;

import java.time.Instant;
import java.util.List;

import cn.jiangmen.innovation.funding.application.PaymentQueries;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.payment.BeneficiaryAccount;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatch;
import cn.jiangmen.innovation.funding.domain.payment.PaymentLine;
import cn.jiangmen.innovation.funding.domain.payment.Recovery;

/** Payments, batches and recoveries as the REST API shows them: fen and yuan text side by side. */
final class PaymentViews {

	private PaymentViews() {
	}

	record BatchView(String batchId, String reference, String state, int lineCount, long controlSumMinor,
			String controlSumYuan, String currencyCode, String createdBy, Instant createdAt, String sentBy, Instant sentAt,
			Instant closedAt, List<LineView> lines) {

		static BatchView of(PaymentBatch b) {
			return new BatchView(b.id().toString(), b.reference(), b.state().name(), b.lineCount(), b.controlSumMinor(),
					CnyAmount.yuan(b.controlSumMinor()), "CNY", b.createdBy().username(), b.createdAt(),
					b.sentBy() == null ? null : b.sentBy().username(), b.sentAt(), b.closedAt(),
					b.lines().stream().map(LineView::of).toList());
		}

	}

	record LineView(String batchId, int lineNumber, String endToEndId, String trancheId, String organisationId,
			String grossYuan, String offsetYuan, long amountMinor, String amountYuan, String creditorName,
			String creditorAccount, String creditorBankName, String creditorBankCode, String state, String bankStatus,
			String bankReason, Instant confirmedAt) {

		static LineView of(PaymentLine l) {
			return new LineView(l.batchId().toString(), l.lineNumber(), l.endToEndId(), l.trancheId().toString(),
					l.organisationId().toString(), CnyAmount.yuan(l.grossMinor()), CnyAmount.yuan(l.offsetMinor()),
					l.amountMinor(), CnyAmount.yuan(l.amountMinor()), l.creditorName(), l.creditorAccount(),
					l.creditorBankName(), l.creditorBankCode(), l.state().name(), l.bankStatus(), l.bankReason(),
					l.confirmedAt());
		}

	}

	record BatchPage(List<BatchView> items, String nextPageToken) {
	}

	record AccountView(String organisationId, String accountName, String accountNumber, String bankName,
			String bankCode, String enteredBy, Instant enteredAt) {

		static AccountView of(BeneficiaryAccount a) {
			return new AccountView(a.organisationId().toString(), a.accountName(), a.accountNumber(), a.bankName(),
					a.bankCode(), a.enteredBy().username(), a.enteredAt());
		}

	}

	record PaymentStatusView(TrancheView tranche, String organisationId, String offsetYuan, List<LineView> lines) {

		static PaymentStatusView of(PaymentQueries.PaymentStatus s) {
			return new PaymentStatusView(TrancheView.of(s.tranche()), s.organisationId().toString(),
					CnyAmount.yuan(s.offsetMinor()), s.lines().stream().map(LineView::of).toList());
		}

	}

	record AwardView(String commitmentId, String awardReference, String programCode, int fiscalYear,
			String recipientOrganisationId, String projectId, long amountMinor, String amountYuan, String state,
			List<TrancheView> tranches) {

		static AwardView of(PaymentQueries.Award a) {
			var c = a.commitment();
			return new AwardView(c.id().toString(), c.awardReference(), c.budget().programCode(), c.budget().fiscalYear(),
					c.recipientOrganisationId().toString(), c.projectId() == null ? null : c.projectId().toString(),
					c.amountMinor(), CnyAmount.yuan(c.amountMinor()), c.state().name(),
					a.tranches().stream().map(TrancheView::of).toList());
		}

	}

	record RecoveryView(String recoveryId, String commitmentId, String organisationId, String reason, String explanation,
			long amountMinor, String amountYuan, String method, String state, String raisedBy, Instant raisedAt,
			String decidedBy, Instant decidedAt, String decisionReason, Instant settledAt, String offsetTrancheId,
			String bankReference) {

		static RecoveryView of(Recovery r) {
			return new RecoveryView(r.id().toString(), r.commitmentId().toString(), r.organisationId().toString(),
					r.reason().name(), r.explanation(), r.amountMinor(), CnyAmount.yuan(r.amountMinor()), r.method().name(),
					r.state().name(), r.raisedBy().username(), r.raisedAt(),
					r.decidedBy() == null ? null : r.decidedBy().username(), r.decidedAt(), r.decisionReason(),
					r.settledAt(), r.offsetTrancheId() == null ? null : r.offsetTrancheId().toString(), r.bankReference());
		}

	}

	record RecoveryPage(List<RecoveryView> items, String nextPageToken) {
	}

}
