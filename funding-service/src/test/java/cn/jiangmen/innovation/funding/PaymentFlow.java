package cn.jiangmen.innovation.funding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.BankLineResult;
import cn.jiangmen.innovation.contracts.funding.v1.BankTransactionStatus;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CreatePaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SendPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Tranche;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheDecision;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.ManagedChannel;

/**
 * Drives money through funding-service as finance does, over gRPC with real Keycloak tokens:
 * awards committed by the service account, tranches prepared by {@code officer} and approved by
 * {@code approver}, batches made, sent and confirmed; bank accounts entered over REST.
 */
record PaymentFlow(TestInfrastructure infra, ManagedChannel channel, int httpPort, String budgetCode) {

	/** An award of one talent-style instalment (no milestone, due already): its commitment and tranche ids. */
	record Award(String commitmentId, String trancheId) {
	}

	Award approvedTranche(String organisation, long minor) {
		return approvedTranche(organisation, minor, "");
	}

	/** As above, for the award of a project of project-service ({@code projectId}; empty for none). */
	Award approvedTranche(String organisation, long minor, String projectId) {
		CommitAwardResponse award = stub("service").commitAward(CommitAwardRequest.newBuilder()
			.setIdempotencyKey("award-" + UUID.randomUUID())
			.setBudgetCode(this.budgetCode)
			.setFiscalYear(2026)
			.setAwardReference(projectId.isEmpty() ? "talent/" + UUID.randomUUID() : projectId)
			.setProjectId(projectId)
			.setRecipientOrganisationId(organisation)
			.addTranches(Tranche.newBuilder().setAmount(money(minor)).setPlannedDate("2026-01-15"))
			.build());
		String tranche = award.getTranches(0).getTrancheId();
		stub("officer").prepareTranche(
				PrepareTrancheRequest.newBuilder().setIdempotencyKey("prep-" + UUID.randomUUID()).setTrancheId(tranche).build());
		stub("approver").decideTranche(DecideTrancheRequest.newBuilder()
			.setIdempotencyKey("approve-" + UUID.randomUUID())
			.setTrancheId(tranche)
			.setDecision(TrancheDecision.TRANCHE_DECISION_APPROVE)
			.build());
		return new Award(award.getCommitmentId(), tranche);
	}

	/** A new organisation with a bank account on record. */
	String organisationWithAccount() throws Exception {
		String organisation = UUID.randomUUID().toString();
		HttpResponse<String> entered = rest("PUT", "/api/funding/organisations/" + organisation + "/bank-account", "officer",
				null, """
						{"accountName":"江门市测试科技有限公司","accountNumber":"4400 1700 0000 0012 3456",
						 "bankName":"中国工商银行江门分行","bankCode":"102589000011"}""");
		if (entered.statusCode() != 200) {
			throw new AssertionError(entered.body());
		}
		return organisation;
	}

	PaymentBatch batch(String key, String... trancheIds) {
		return stub("officer").createPaymentBatch(
				CreatePaymentBatchRequest.newBuilder().setIdempotencyKey(key).addAllTrancheIds(List.of(trancheIds)).build())
			.getBatch();
	}

	PaymentBatch send(String key, String batchId) {
		return stub("officer")
			.sendPaymentBatch(SendPaymentBatchRequest.newBuilder().setIdempotencyKey(key).setBatchId(batchId).build())
			.getBatch();
	}

	PaymentBatch confirm(String key, String batchId, BankLineResult... lines) {
		return stub("officer")
			.confirmPaymentBatch(ConfirmPaymentBatchRequest.newBuilder()
				.setIdempotencyKey(key)
				.setBatchId(batchId)
				.addAllLines(List.of(lines))
				.build())
			.getBatch();
	}

	/** Batched, sent and accepted by the bank in one go. */
	PaymentBatch pay(String... trancheIds) {
		PaymentBatch batch = batch("b-" + UUID.randomUUID(), trancheIds);
		send("s-" + UUID.randomUUID(), batch.getBatchId());
		return confirm("c-" + UUID.randomUUID(), batch.getBatchId(), batch.getLinesList()
			.stream()
			.map(l -> result(l.getEndToEndId(), BankTransactionStatus.BANK_TRANSACTION_STATUS_ACCP, ""))
			.toArray(BankLineResult[]::new));
	}

	static BankLineResult result(String endToEndId, BankTransactionStatus status, String reason) {
		return BankLineResult.newBuilder().setEndToEndId(endToEndId).setStatus(status).setReason(reason).build();
	}

	static Money money(long minor) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(minor).build();
	}

	FundingServiceGrpc.FundingServiceBlockingStub stub(String user) {
		String token = user.equals("service") ? this.infra.tokens().serviceAccountToken()
				: this.infra.tokens().accessToken(user);
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), token);
	}

	HttpResponse<String> rest(String method, String path, String user, String key, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.httpPort + path))
			.header("Authorization", "Bearer " + this.infra.tokens().accessToken(user))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
