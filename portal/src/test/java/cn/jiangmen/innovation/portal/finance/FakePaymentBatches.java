package cn.jiangmen.innovation.portal.finance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.funding.v1.BankLineResult;
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
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchFileFormat;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchState;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentLine;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentLineState;
import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheState;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * funding-service's payment batches as {@link FakeFundingService} plays them: a batch "b-sent"
 * already with the bank (two lines), tranches of organisations with an account on record batched
 * (one without: beneficiary.no-account), sent all at once, answered per line (paid, or refused
 * back to FAILED with the bank's reason), paginated two batches a page with an opaque token.
 */
class FakePaymentBatches {

	static final String NO_ACCOUNT = "7d1c2a8e-0000-4000-8000-0000000000ff";

	private final FakeFundingService funding;

	final Map<String, PaymentBatch> batches = new ConcurrentHashMap<>();

	/** Ids in the order they were made (newest last). */
	final List<String> order = new CopyOnWriteArrayList<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	/** The bank's reason a FAILED tranche came back with, by tranche. */
	final Map<String, String> bankReasons = new ConcurrentHashMap<>();

	FakePaymentBatches(FakeFundingService funding) {
		this.funding = funding;
	}

	void reset() {
		this.batches.clear();
		this.order.clear();
		this.calls.clear();
		this.bankReasons.clear();
		this.bankReasons.put("t-failed", "AC04 账户已销户");
		PaymentBatch sent = PaymentBatch.newBuilder()
			.setBatchId("b-sent")
			.setReference("JMPAY-20261130-0001")
			.setState(PaymentBatchState.PAYMENT_BATCH_STATE_SENT)
			.setCreatedBy("officer")
			.setCreateTime(Timestamp.newBuilder().setSeconds(1_796_000_000L))
			.setSendTime(Timestamp.newBuilder().setSeconds(1_796_003_600L))
			.addLines(line("b-sent", 1, "t-old-1", "7d1c2a8e-0000-4000-8000-000000000001", 1_000_000_00L, 0L,
					PaymentLineState.PAYMENT_LINE_STATE_SENT))
			.addLines(line("b-sent", 2, "t-old-2", "7d1c2a8e-0000-4000-8000-000000000002", 600_000_00L, 50_000_00L,
					PaymentLineState.PAYMENT_LINE_STATE_SENT))
			.setLineCount(2)
			.setControlSum(FakeFundingService.fen(1_550_000_00L))
			.build();
		this.batches.put(sent.getBatchId(), sent);
		this.order.add(sent.getBatchId());
	}

	static PaymentLine line(String batch, int number, String tranche, String organisation, long gross, long offset,
			PaymentLineState state) {
		return PaymentLine.newBuilder()
			.setBatchId(batch)
			.setLineNumber(number)
			.setEndToEndId(batch.toUpperCase() + "-" + number)
			.setTrancheId(tranche)
			.setOrganisationId(organisation)
			.setGross(FakeFundingService.fen(gross))
			.setOffset(FakeFundingService.fen(offset))
			.setAmount(FakeFundingService.fen(gross - offset))
			.setCreditorName("账户名" + number)
			.setCreditorAccount("4400170000000012345" + number)
			.setCreditorBankName("中国工商银行江门分行")
			.setCreditorBankCode("102589000011")
			.setState(state)
			.build();
	}

	void create(CreatePaymentBatchRequest request, String caller, StreamObserver<CreatePaymentBatchResponse> observer) {
		this.calls.add("create " + request.getTrancheIdsList() + " key=" + request.getIdempotencyKey());
		if (!"officer".equals(caller) && !"officer2".equals(caller)) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		List<QueuedTranche> chosen = new ArrayList<>();
		for (String id : request.getTrancheIdsList()) {
			QueuedTranche t = this.funding.tranches.get(id);
			if (t == null) {
				observer.onError(Status.NOT_FOUND.asRuntimeException());
				return;
			}
			TrancheState state = t.getTranche().getState();
			if (state != TrancheState.TRANCHE_STATE_APPROVED && state != TrancheState.TRANCHE_STATE_FAILED) {
				observer.onError(FakeFundingService.refused("tranche.not-payable"));
				return;
			}
			if (t.getRecipientOrganisationId().equals(NO_ACCOUNT)) {
				observer.onError(FakeFundingService.refused("beneficiary.no-account"));
				return;
			}
			chosen.add(t);
		}
		String id = "b-" + (this.order.size() + 1);
		PaymentBatch.Builder batch = PaymentBatch.newBuilder()
			.setBatchId(id)
			.setReference("JMPAY-20261201-000" + (this.order.size() + 1))
			.setState(PaymentBatchState.PAYMENT_BATCH_STATE_CREATED)
			.setCreatedBy(caller)
			.setCreateTime(Timestamp.newBuilder().setSeconds(1_796_100_000L))
			.setLineCount(chosen.size())
			.setControlSum(FakeFundingService
				.fen(chosen.stream().mapToLong(t -> t.getTranche().getAmount().getMinorUnits()).sum()));
		int n = 1;
		for (QueuedTranche t : chosen) {
			batch.addLines(line(id, n++, t.getTranche().getTrancheId(), t.getRecipientOrganisationId(),
					t.getTranche().getAmount().getMinorUnits(), 0L, PaymentLineState.PAYMENT_LINE_STATE_CREATED));
			this.funding.put(t.getTranche().getTrancheId(), TrancheState.TRANCHE_STATE_BATCHED);
		}
		this.batches.put(id, batch.build());
		this.order.add(id);
		observer.onNext(CreatePaymentBatchResponse.newBuilder().setBatch(batch).build());
		observer.onCompleted();
	}

	void send(SendPaymentBatchRequest request, StreamObserver<SendPaymentBatchResponse> observer) {
		this.calls.add("send " + request.getBatchId() + " key=" + request.getIdempotencyKey());
		PaymentBatch batch = this.batches.get(request.getBatchId());
		if (batch == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (batch.getState() != PaymentBatchState.PAYMENT_BATCH_STATE_CREATED) {
			observer.onError(FakeFundingService.refused("batch.changed"));
			return;
		}
		PaymentBatch.Builder sent = batch.toBuilder()
			.setState(PaymentBatchState.PAYMENT_BATCH_STATE_SENT)
			.setSendTime(Timestamp.newBuilder().setSeconds(1_796_103_600L));
		sent.getLinesBuilderList().forEach(l -> l.setState(PaymentLineState.PAYMENT_LINE_STATE_SENT));
		this.batches.put(batch.getBatchId(), sent.build());
		observer.onNext(SendPaymentBatchResponse.newBuilder().setBatch(sent).build());
		observer.onCompleted();
	}

	void confirm(ConfirmPaymentBatchRequest request, StreamObserver<ConfirmPaymentBatchResponse> observer) {
		StringBuilder call = new StringBuilder("confirm " + request.getBatchId());
		request.getLinesList().forEach(l -> call.append(' ').append(l.getEndToEndId()).append('=')
			.append(l.getStatus().name().replace("BANK_TRANSACTION_STATUS_", "")).append(l.getReason().isEmpty() ? "" : ":" + l.getReason()));
		this.calls.add(call.toString());
		PaymentBatch batch = this.batches.get(request.getBatchId());
		if (batch == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (batch.getState() != PaymentBatchState.PAYMENT_BATCH_STATE_SENT) {
			observer.onError(FakeFundingService.refused("batch.not-sent"));
			return;
		}
		for (BankLineResult r : request.getLinesList()) {
			if (r.getEndToEndId().equals("REFUSE-ME")) {
				observer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
					.setCode(Code.INVALID_ARGUMENT_VALUE)
					.addDetails(com.google.protobuf.Any.pack(BadRequest.newBuilder()
						.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("lines[0].end_to_end_id")
							.setReason("unknown"))
						.build()))
					.build()));
				return;
			}
		}
		PaymentBatch.Builder answered = batch.toBuilder();
		for (PaymentLine.Builder line : answered.getLinesBuilderList()) {
			for (BankLineResult r : request.getLinesList()) {
				if (r.getEndToEndId().equals(line.getEndToEndId())) {
					boolean paid = r.getStatus() != BankTransactionStatus.BANK_TRANSACTION_STATUS_RJCT;
					line.setState(paid ? PaymentLineState.PAYMENT_LINE_STATE_PAID : PaymentLineState.PAYMENT_LINE_STATE_FAILED)
						.setBankStatus(r.getStatus())
						.setBankReason(r.getReason());
					if (this.funding.tranches.containsKey(line.getTrancheId())) {
						this.funding.put(line.getTrancheId(),
								paid ? TrancheState.TRANCHE_STATE_PAID : TrancheState.TRANCHE_STATE_FAILED);
					}
					if (!paid) {
						this.bankReasons.put(line.getTrancheId(), r.getReason());
					}
				}
			}
		}
		boolean closed = answered.getLinesBuilderList()
			.stream()
			.noneMatch(l -> l.getState() == PaymentLineState.PAYMENT_LINE_STATE_SENT);
		if (closed) {
			answered.setState(PaymentBatchState.PAYMENT_BATCH_STATE_CLOSED);
		}
		this.batches.put(batch.getBatchId(), answered.build());
		observer.onNext(ConfirmPaymentBatchResponse.newBuilder().setBatch(answered).build());
		observer.onCompleted();
	}

	void get(GetPaymentBatchRequest request, StreamObserver<GetPaymentBatchResponse> observer) {
		PaymentBatch batch = this.batches.get(request.getBatchId());
		if (batch == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		observer.onNext(GetPaymentBatchResponse.newBuilder().setBatch(batch).build());
		observer.onCompleted();
	}

	/** Newest first, two a page: the token is the offset, as opaque to the portal as funding's. */
	void list(ListPaymentBatchesRequest request, StreamObserver<ListPaymentBatchesResponse> observer) {
		this.calls.add("list size=" + request.getPageSize() + " token=" + request.getPageToken());
		List<String> newest = new ArrayList<>(this.order);
		java.util.Collections.reverse(newest);
		int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken().substring(1));
		int to = Math.min(newest.size(), from + 2);
		observer.onNext(ListPaymentBatchesResponse.newBuilder()
			.addAllBatches(newest.subList(from, to).stream().map(this.batches::get).toList())
			.setNextPageToken(to < newest.size() ? "p" + to : "")
			.build());
		observer.onCompleted();
	}

	void export(ExportPaymentBatchRequest request, String caller, StreamObserver<ExportPaymentBatchResponse> observer) {
		PaymentBatch batch = this.batches.get(request.getBatchId());
		if (batch == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		boolean xml = request.getFormat() == PaymentBatchFileFormat.PAYMENT_BATCH_FILE_FORMAT_PAIN001;
		String text = xml ? "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><MsgId>"
				+ batch.getReference() + "</MsgId></Document>" : "line,amount\r\nTOTAL," + batch.getLineCount() + "\r\n";
		observer.onNext(ExportPaymentBatchResponse.newBuilder()
			.setFileName(batch.getReference() + (xml ? ".xml" : ".csv"))
			.setContentType(xml ? "application/xml" : "text/csv")
			.setContent(ByteString.copyFrom(text, StandardCharsets.UTF_8))
			.setSha256("c0ffee")
			.build());
		observer.onCompleted();
	}

	void status(GetPaymentStatusRequest request, StreamObserver<GetPaymentStatusResponse> observer) {
		QueuedTranche t = this.funding.tranches.get(request.getTrancheId());
		if (t == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		GetPaymentStatusResponse.Builder status = GetPaymentStatusResponse.newBuilder()
			.setTranche(t.getTranche())
			.setOrganisationId(t.getRecipientOrganisationId());
		String reason = this.bankReasons.get(request.getTrancheId());
		if (reason != null) {
			status.addLines(line("b-old", 1, request.getTrancheId(), t.getRecipientOrganisationId(),
					t.getTranche().getAmount().getMinorUnits(), 0, PaymentLineState.PAYMENT_LINE_STATE_FAILED)
				.toBuilder()
				.setBankStatus(BankTransactionStatus.BANK_TRANSACTION_STATUS_RJCT)
				.setBankReason(reason));
		}
		observer.onNext(status.build());
		observer.onCompleted();
	}

}
