package cn.jiangmen.innovation.funding;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import cn.jiangmen.innovation.contracts.funding.v1.BankTransactionStatus;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetPaymentStatusResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListTranchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchFileFormat;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchState;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentLine;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentLineState;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheQueue;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheState;
import cn.jiangmen.innovation.funding.domain.payment.BatchCsv;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static cn.jiangmen.innovation.funding.PaymentFlow.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payment batches against real PostgreSQL, Redis and Keycloak tokens: approved tranches into a
 * batch, the pain.001 file checked against the pain.001.001.09 schema, the CSV's totals and
 * checksum, sending and the bank's per-line answers, a refused line back in the queue, and
 * replays by key that change nothing twice. The ledger is checked after every test.
 */
class PaymentBatchIT extends FundingIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	PaymentFlow flow;

	PaymentBatchIT() {
		super("pay", 1_000_000L);
	}

	@BeforeEach
	void openFlow() {
		this.flow = new PaymentFlow(infra, this.channel, this.port, this.code);
	}

	@Test
	void aBatchIsPaidLineByLineAndARefusedLineGoesBackToTheQueue() throws Exception {
		String a = this.flow.organisationWithAccount();
		String b = this.flow.organisationWithAccount();
		String t1 = this.flow.approvedTranche(a, 300_00L).trancheId();
		String t2 = this.flow.approvedTranche(b, 500_00L).trancheId();

		assertThat(toPay()).as("approved tranches wait in the to-pay queue").contains(t1, t2);
		String createKey = "batch-" + UUID.randomUUID();
		PaymentBatch created = this.flow.batch(createKey, t1, t2);
		assertThat(created.getState()).isEqualTo(PaymentBatchState.PAYMENT_BATCH_STATE_CREATED);
		assertThat(created.getLineCount()).isEqualTo(2);
		assertThat(created.getControlSum().getMinorUnits()).isEqualTo(800_00L);
		assertThat(this.flow.batch(createKey, t1, t2)).as("a replay gets the first batch").isEqualTo(created);
		assertThat(count("select count(*) from payment_batch where id = :id", created.getBatchId())).isEqualTo(1);
		assertThat(state(t1)).isEqualTo("BATCHED");
		assertThat(toPay()).as("a batched tranche has left the queue").doesNotContain(t1, t2);
		assertThatThrownBy(() -> this.flow.batch("other-" + UUID.randomUUID(), t1))
			.as("a batched tranche is not batched again")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));

		String sendKey = "send-" + UUID.randomUUID();
		PaymentBatch sent = this.flow.send(sendKey, created.getBatchId());
		assertThat(sent.getState()).isEqualTo(PaymentBatchState.PAYMENT_BATCH_STATE_SENT);
		assertThat(this.flow.send(sendKey, created.getBatchId())).isEqualTo(sent);
		assertThat(this.fixtures.column("debits_posted", "payable/" + a)).as("sent once").isEqualTo(300_00L);

		PaymentLine lineA = line(sent, t1);
		PaymentLine lineB = line(sent, t2);
		String confirmKey = "confirm-" + UUID.randomUUID();
		PaymentBatch confirmed = this.flow.confirm(confirmKey, created.getBatchId(),
				result(lineA.getEndToEndId(), BankTransactionStatus.BANK_TRANSACTION_STATUS_ACCP, ""),
				result(lineB.getEndToEndId(), BankTransactionStatus.BANK_TRANSACTION_STATUS_RJCT, "AC04 account closed"));
		assertThat(confirmed.getState()).isEqualTo(PaymentBatchState.PAYMENT_BATCH_STATE_CLOSED);
		assertThat(this.flow.confirm(confirmKey, created.getBatchId(),
				result(lineA.getEndToEndId(), BankTransactionStatus.BANK_TRANSACTION_STATUS_ACCP, ""),
				result(lineB.getEndToEndId(), BankTransactionStatus.BANK_TRANSACTION_STATUS_RJCT, "AC04 account closed")))
			.as("a replayed confirmation moves no money twice")
			.isEqualTo(confirmed);
		assertThat(state(t1)).isEqualTo("PAID");
		assertThat(state(t2)).isEqualTo("FAILED");
		assertThat(toPay()).as("the refused line's tranche is back in the queue").contains(t2).doesNotContain(t1);
		assertThat(this.fixtures.column("credits_posted", "budget/" + this.code + "/2026/paid")).isEqualTo(300_00L);
		assertThat(this.fixtures.column("credits_posted - debits_posted", "payable/" + b))
			.as("the refused line's money is back on the payable by a reversing transfer").isEqualTo(500_00L);
		assertThat(count("select count(*) from ledger_transfer where reverses_id is not null and description like :d",
				"%" + lineB.getEndToEndId() + "%")).isEqualTo(1);

		GetPaymentStatusResponse failed = this.flow.stub("officer")
			.getPaymentStatus(GetPaymentStatusRequest.newBuilder().setTrancheId(t2).build());
		assertThat(failed.getTranche().getState()).isEqualTo(TrancheState.TRANCHE_STATE_FAILED);
		assertThat(failed.getLines(0).getState()).isEqualTo(PaymentLineState.PAYMENT_LINE_STATE_FAILED);
		assertThat(failed.getLines(0).getBankReason()).isEqualTo("AC04 account closed");

		PaymentBatch again = this.flow.pay(t2);
		assertThat(again.getState()).isEqualTo(PaymentBatchState.PAYMENT_BATCH_STATE_CLOSED);
		assertThat(state(t2)).isEqualTo("PAID");
		assertThat(this.flow.stub("officer").getPaymentStatus(GetPaymentStatusRequest.newBuilder().setTrancheId(t2).build())
			.getLinesList()).extracting(PaymentLine::getState)
			.containsExactly(PaymentLineState.PAYMENT_LINE_STATE_FAILED, PaymentLineState.PAYMENT_LINE_STATE_PAID);
		assertThat(this.fixtures.column("credits_posted", "budget/" + this.code + "/2026/paid")).isEqualTo(800_00L);
		assertThat(this.fixtures.column("credits_posted - debits_posted", "payable/" + b)).isZero();

		ListPaymentBatchesResponse page = this.flow.stub("auditor")
			.listPaymentBatches(ListPaymentBatchesRequest.newBuilder().setPageSize(1).build());
		assertThat(page.getBatchesList()).hasSize(1);
		assertThat(page.getNextPageToken()).isNotEmpty();
	}

	@Test
	void thePain001FileIsValidAgainstTheSchemaAndTheCsvCarriesTotalsAndAChecksum() throws Exception {
		String a = this.flow.organisationWithAccount();
		String b = this.flow.organisationWithAccount();
		PaymentBatch batch = this.flow.batch("batch-" + UUID.randomUUID(),
				this.flow.approvedTranche(a, 1_234_56L).trancheId(), this.flow.approvedTranche(b, 20_00L).trancheId());

		HttpResponse<String> xml = this.flow.rest("GET", "/api/funding/batches/" + batch.getBatchId() + "/pain001",
				"officer", null, null);
		assertThat(xml.statusCode()).isEqualTo(200);
		assertThat(xml.headers().firstValue("X-Checksum-SHA256")).hasValue(BatchCsv.sha256(xml.body()));
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(new StreamSource(getClass().getResourceAsStream("/iso20022/pain.001.001.09-subset.xsd")))
			.newValidator()
			.validate(new StreamSource(new StringReader(xml.body())));
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml.body())));
		assertThat(text(document, "MsgId")).isEqualTo(batch.getReference());
		assertThat(text(document, "NbOfTxs")).isEqualTo("2");
		assertThat(text(document, "CtrlSum")).isEqualTo("1254.56");
		assertThat(document.getElementsByTagNameNS("*", "EndToEndId").getLength()).isEqualTo(2);
		assertThat(xml.body()).contains("江门市科学技术局").contains("<MmbId>102589000011</MmbId>")
			.contains("<Id>44001700000000123456</Id>");

		HttpResponse<String> csv = this.flow.rest("GET", "/api/funding/batches/" + batch.getBatchId() + "/csv", "officer",
				null, null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("X-Checksum-SHA256")).hasValue(BatchCsv.sha256(csv.body()));
		String[] rows = csv.body().split("\r\n");
		assertThat(rows).hasSize(5);
		assertThat(rows[3]).startsWith("TOTAL,2,").contains(",1254.56,CNY");
		String signed = csv.body().substring(0, csv.body().lastIndexOf("SHA256,"));
		assertThat(rows[4]).isEqualTo("SHA256," + BatchCsv.sha256(signed));

		assertThat(this.flow.rest("GET", "/api/funding/batches/" + batch.getBatchId() + "/csv", "applicant1", null, null)
			.statusCode()).as("batches hold every beneficiary's account").isEqualTo(403);

		ExportPaymentBatchResponse grpcXml = this.flow.stub("auditor")
			.exportPaymentBatch(ExportPaymentBatchRequest.newBuilder()
				.setBatchId(batch.getBatchId())
				.setFormat(PaymentBatchFileFormat.PAYMENT_BATCH_FILE_FORMAT_PAIN001)
				.build());
		assertThat(grpcXml.getContent().toStringUtf8()).as("gRPC serves REST's file byte for byte").isEqualTo(xml.body());
		assertThat(grpcXml.getSha256()).isEqualTo(BatchCsv.sha256(xml.body()));
		assertThat(grpcXml.getFileName()).startsWith(batch.getReference());
		assertThat(grpcXml.getContentType()).isEqualTo("application/xml");
		ExportPaymentBatchResponse grpcCsv = this.flow.stub("officer")
			.exportPaymentBatch(ExportPaymentBatchRequest.newBuilder()
				.setBatchId(batch.getBatchId())
				.setFormat(PaymentBatchFileFormat.PAYMENT_BATCH_FILE_FORMAT_CSV)
				.build());
		assertThat(grpcCsv.getContent().toStringUtf8()).isEqualTo(csv.body());
		assertThat(grpcCsv.getFileName()).isEqualTo(batch.getReference() + ".csv");
		assertThatThrownBy(() -> this.flow.stub("applicant1")
			.exportPaymentBatch(ExportPaymentBatchRequest.newBuilder()
				.setBatchId(batch.getBatchId())
				.setFormat(PaymentBatchFileFormat.PAYMENT_BATCH_FILE_FORMAT_CSV)
				.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> this.flow.stub("officer")
			.exportPaymentBatch(ExportPaymentBatchRequest.newBuilder().setBatchId(batch.getBatchId()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("format"));
	}

	@Test
	void badBatchesAndReportsAreRefusedNamingTheField() throws Exception {
		assertThatThrownBy(() -> this.flow.batch("k-" + UUID.randomUUID(), "not-a-uuid"))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("tranche_ids[0]"));
		String organisation = UUID.randomUUID().toString();
		String tranche = this.flow.approvedTranche(organisation, 100L).trancheId();
		assertThatThrownBy(() -> this.flow.batch("k-" + UUID.randomUUID(), tranche))
			.as("no bank account on record")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		assertThat(state(tranche)).isEqualTo("APPROVED");
		HttpResponse<String> account = this.flow.rest("PUT", "/api/funding/organisations/" + organisation + "/bank-account",
				"officer", null, "{\"accountName\":\"x\",\"accountNumber\":\"12ab\",\"bankName\":\"y\",\"bankCode\":\"1\"}");
		assertThat(account.statusCode()).isEqualTo(400);
		assertThat(account.body()).contains("account_number").contains("bank_code");
		assertThat(this.flow.rest("PUT", "/api/funding/organisations/" + organisation + "/bank-account", "approver", null,
				"{\"accountName\":\"x\",\"accountNumber\":\"12345678\",\"bankName\":\"y\",\"bankCode\":\"102589000011\"}")
			.statusCode()).as("only finance officers enter accounts").isEqualTo(403);

		String org = this.flow.organisationWithAccount();
		PaymentBatch batch = this.flow.batch("k-" + UUID.randomUUID(), this.flow.approvedTranche(org, 100L).trancheId());
		assertThatThrownBy(() -> this.flow.confirm("c-" + UUID.randomUUID(), batch.getBatchId(),
				result(batch.getLines(0).getEndToEndId(), BankTransactionStatus.BANK_TRANSACTION_STATUS_ACCP, "")))
			.as("not sent yet")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		this.flow.send("s-" + UUID.randomUUID(), batch.getBatchId());
		assertThatThrownBy(() -> this.flow.confirm("c-" + UUID.randomUUID(), batch.getBatchId(),
				result(batch.getLines(0).getEndToEndId(), BankTransactionStatus.BANK_TRANSACTION_STATUS_RJCT, "")))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("lines[0].reason"));
		assertThatThrownBy(() -> this.flow.confirm("c-" + UUID.randomUUID(), batch.getBatchId(),
				result("JMUNKNOWN", BankTransactionStatus.BANK_TRANSACTION_STATUS_ACCP, "")))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("lines[0].end_to_end_id"));
		assertThat(this.flow.rest("POST", "/api/funding/batches/" + batch.getBatchId() + "/confirmation", "approver",
				"c-" + UUID.randomUUID(), "{\"lines\":[{\"endToEndId\":\"" + batch.getLines(0).getEndToEndId()
						+ "\",\"status\":\"ACCP\"}]}")
			.statusCode()).as("finance officers record the bank's answer").isEqualTo(403);
		HttpResponse<String> paid = this.flow.rest("POST", "/api/funding/batches/" + batch.getBatchId() + "/confirmation",
				"officer", "c-" + UUID.randomUUID(),
				"{\"lines\":[{\"endToEndId\":\"" + batch.getLines(0).getEndToEndId() + "\",\"status\":\"ACSC\"}]}");
		assertThat(paid.statusCode()).isEqualTo(200);
		assertThat(paid.body()).contains("\"state\":\"CLOSED\"").contains("\"bankStatus\":\"ACSC\"");
	}

	@Test
	void aReplayIsAnsweredFromRedisFirstAndFromPostgresqlWhenRedisForgot() throws Exception {
		String organisation = this.flow.organisationWithAccount();
		String tranche = this.flow.approvedTranche(organisation, 700L).trancheId();
		String key = "batch-" + UUID.randomUUID();
		PaymentBatch created = this.flow.batch(key, tranche);
		// the copy belongs to this database: its oid is part of the key
		long database = this.jdbc.sql("select oid from pg_database where datname = current_database()")
			.query(Long.class)
			.single();
		String cacheKey = "funding:idempotency:" + database + ":" + key;
		assertThat(this.redis.opsForValue().get(cacheKey)).as("the first answer is copied to Redis after commit")
			.contains(created.getBatchId());
		assertThat(this.redis.getExpire(cacheKey)).as("short-lived").isPositive();
		assertThatThrownBy(() -> this.flow.batch(key, this.flow.approvedTranche(organisation, 800L).trancheId()))
			.as("the same key with other content is refused from the cache too")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("idempotency_key"));
		this.redis.delete(cacheKey);
		assertThat(this.flow.batch(key, tranche)).as("PostgreSQL is the record").isEqualTo(created);
		assertThat(this.redis.opsForValue().get(cacheKey)).as("and warms the cache again").isNotNull();
		assertThat(this.jdbc.sql("select count(*) from payment_line where tranche_id = :id")
			.param("id", UUID.fromString(tranche))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void awardsSchedulesPaymentsAndBatchesAreReadOverRestPaginatedAndGuardedPerObject() throws Exception {
		String organisation = this.flow.organisationWithAccount();
		PaymentFlow.Award award = this.flow.approvedTranche(organisation, 42_00L);
		PaymentBatch paid = this.flow.pay(award.trancheId());

		HttpResponse<String> schedule = this.flow.rest("GET", "/api/funding/awards/" + award.commitmentId(), "auditor", null, null);
		assertThat(schedule.statusCode()).isEqualTo(200);
		assertThat(schedule.body()).contains("\"amountYuan\":\"42.00\"").contains("\"state\":\"PAID\"");
		HttpResponse<String> payment = this.flow.rest("GET", "/api/funding/tranches/" + award.trancheId() + "/payment",
				"manager", null, null);
		assertThat(payment.statusCode()).isEqualTo(200);
		assertThat(payment.body()).contains(paid.getLines(0).getEndToEndId()).contains("\"bankStatus\":\"ACCP\"");
		HttpResponse<String> page = this.flow.rest("GET", "/api/funding/batches?pageSize=1", "auditor", null, null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("\"nextPageToken\":\"");
		assertThat(this.flow.rest("GET", "/api/funding/batches?pageSize=999", "auditor", null, null).body())
			.contains("pageSize");

		assertThat(this.flow.rest("GET", "/api/funding/awards/" + award.commitmentId(), "applicant1", null, null)
			.statusCode()).as("another organisation's award is not there for an applicant").isEqualTo(404);
		assertThat(this.flow.rest("GET", "/api/funding/tranches/" + award.trancheId() + "/payment", "applicant1", null, null)
			.statusCode()).isEqualTo(404);
		assertThat(this.flow.rest("GET", "/api/funding/batches/" + paid.getBatchId(), "applicant1", null, null)
			.statusCode()).isEqualTo(403);
	}

	private static PaymentLine line(PaymentBatch batch, String trancheId) {
		return batch.getLinesList().stream().filter(l -> l.getTrancheId().equals(trancheId)).findFirst().orElseThrow();
	}

	private static String text(Document document, String element) {
		return document.getElementsByTagNameNS("*", element).item(0).getTextContent();
	}

	private String state(String trancheId) {
		return this.jdbc.sql("select state from tranche where id = :id")
			.param("id", UUID.fromString(trancheId))
			.query(String.class)
			.single();
	}

	private long count(String sql, String value) {
		Object param = value.startsWith("%") ? value : UUID.fromString(value);
		return this.jdbc.sql(sql.replace(":id", ":p").replace(":d", ":p")).param("p", param).query(Long.class).single();
	}

	/** Every tranche id of the to-pay queue (approved, or refused by the bank), over all pages. */
	private List<String> toPay() {
		List<String> ids = new ArrayList<>();
		String token = "";
		do {
			ListTranchesResponse page = this.flow.stub("officer")
				.listTranches(ListTranchesRequest.newBuilder()
					.setQueue(TrancheQueue.TRANCHE_QUEUE_TO_PAY)
					.setPageSize(200)
					.setPageToken(token)
					.build());
			page.getTranchesList().forEach(t -> ids.add(t.getTranche().getTrancheId()));
			token = page.getNextPageToken();
		}
		while (!token.isEmpty());
		return ids;
	}

}
