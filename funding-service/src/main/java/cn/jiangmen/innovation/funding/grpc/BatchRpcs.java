package cn.jiangmen.innovation.funding.grpc;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.BankTransactionStatus;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CreatePaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CreatePaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchState;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentLineState;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchResponse;
import cn.jiangmen.innovation.funding.application.PaymentBatchCommands;
import cn.jiangmen.innovation.funding.application.PaymentQueries;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatch;
import cn.jiangmen.innovation.funding.domain.payment.PaymentLine;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import com.google.protobuf.ByteString;

import org.springframework.stereotype.Component;

/** Payment batches and payment status over gRPC: map, call one use case, map back. */
@Component
class BatchRpcs {

	private final PaymentBatchCommands commands;

	private final PaymentQueries queries;

	BatchRpcs(PaymentBatchCommands commands, PaymentQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	CreatePaymentBatchResponse create(CreatePaymentBatchRequest request) {
		return CreatePaymentBatchResponse.newBuilder()
			.setBatch(batch(this.commands.create(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
					request.getTrancheIdsList(), "tranche_ids")))
			.build();
	}

	SendPaymentBatchResponse send(SendPaymentBatchRequest request) {
		return SendPaymentBatchResponse.newBuilder()
			.setBatch(batch(this.commands.send(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
					request.getBatchId())))
			.build();
	}

	ConfirmPaymentBatchResponse confirm(ConfirmPaymentBatchRequest request) {
		var results = request.getLinesList()
			.stream()
			.map(l -> new PaymentBatchCommands.LineResult(l.getEndToEndId(),
					l.getStatus() == BankTransactionStatus.BANK_TRANSACTION_STATUS_UNSPECIFIED
							|| l.getStatus() == BankTransactionStatus.UNRECOGNIZED ? ""
									: l.getStatus().name().substring("BANK_TRANSACTION_STATUS_".length()),
					l.getReason()))
			.toList();
		return ConfirmPaymentBatchResponse.newBuilder()
			.setBatch(batch(this.commands.confirm(Callers.current(), request.getIdempotencyKey(), "idempotency_key",
					request.getBatchId(), results)))
			.build();
	}

	GetPaymentBatchResponse get(GetPaymentBatchRequest request) {
		return GetPaymentBatchResponse.newBuilder()
			.setBatch(batch(this.queries.batch(Callers.current(), request.getBatchId())))
			.build();
	}

	ListPaymentBatchesResponse list(ListPaymentBatchesRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		var batches = this.queries.batches(Callers.current(), page);
		return ListPaymentBatchesResponse.newBuilder()
			.addAllBatches(batches.stream().map(BatchRpcs::batch).toList())
			.setNextPageToken(page.nextToken(batches.size()))
			.build();
	}

	GetPaymentStatusResponse status(GetPaymentStatusRequest request) {
		PaymentQueries.PaymentStatus status = this.queries.paymentStatus(Callers.current(), request.getTrancheId());
		return GetPaymentStatusResponse.newBuilder()
			.setTranche(TrancheRpcs.tranche(status.tranche()))
			.setOrganisationId(status.organisationId().toString())
			.setOffset(money(status.offsetMinor()))
			.addAllLines(status.lines().stream().map(BatchRpcs::line).toList())
			.build();
	}

	/** The file as REST serves it, for the portal's download links. */
	ExportPaymentBatchResponse export(ExportPaymentBatchRequest request) {
		Caller caller = Callers.current();
		boolean xml = switch (request.getFormat()) {
			case PAYMENT_BATCH_FILE_FORMAT_PAIN001 -> true;
			case PAYMENT_BATCH_FILE_FORMAT_CSV -> false;
			default -> throw new InvalidInputException("format", "required", "must be PAIN001 or CSV");
		};
		PaymentQueries.File file = xml ? this.queries.pain001(caller, request.getBatchId())
				: this.queries.csv(caller, request.getBatchId());
		return ExportPaymentBatchResponse.newBuilder()
			.setFileName(file.name())
			.setContentType(xml ? "application/xml" : "text/csv")
			.setContent(ByteString.copyFromUtf8(file.text()))
			.setSha256(file.sha256())
			.build();
	}

	static cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch batch(PaymentBatch b) {
		var builder = cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch.newBuilder()
			.setBatchId(b.id().toString())
			.setReference(b.reference())
			.setState(PaymentBatchState.valueOf("PAYMENT_BATCH_STATE_" + b.state().name()))
			.setLineCount(b.lineCount())
			.setControlSum(money(b.controlSumMinor()))
			.setCreatedBy(b.createdBy().username())
			.setCreateTime(ProtoTimes.timestamp(b.createdAt()))
			.addAllLines(b.lines().stream().map(BatchRpcs::line).toList());
		if (b.sentAt() != null) {
			builder.setSendTime(ProtoTimes.timestamp(b.sentAt()));
		}
		return builder.build();
	}

	static cn.jiangmen.innovation.contracts.funding.v1.PaymentLine line(PaymentLine l) {
		return cn.jiangmen.innovation.contracts.funding.v1.PaymentLine.newBuilder()
			.setBatchId(l.batchId().toString())
			.setLineNumber(l.lineNumber())
			.setEndToEndId(l.endToEndId())
			.setTrancheId(l.trancheId().toString())
			.setOrganisationId(l.organisationId().toString())
			.setGross(money(l.grossMinor()))
			.setOffset(money(l.offsetMinor()))
			.setAmount(money(l.amountMinor()))
			.setCreditorName(l.creditorName())
			.setCreditorAccount(l.creditorAccount())
			.setCreditorBankName(l.creditorBankName())
			.setCreditorBankCode(l.creditorBankCode())
			.setState(PaymentLineState.valueOf("PAYMENT_LINE_STATE_" + l.state().name()))
			.setBankStatus(l.bankStatus() == null ? BankTransactionStatus.BANK_TRANSACTION_STATUS_UNSPECIFIED
					: BankTransactionStatus.valueOf("BANK_TRANSACTION_STATUS_" + l.bankStatus()))
			.setBankReason(l.bankReason() == null ? "" : l.bankReason())
			.build();
	}

	static Money money(long minor) {
		return Money.newBuilder().setCurrencyCode(CommitAward.CURRENCY).setMinorUnits(minor).build();
	}

}
