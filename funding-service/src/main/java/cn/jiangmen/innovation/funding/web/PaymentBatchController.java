package cn.jiangmen.innovation.funding.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.jiangmen.innovation.funding.application.BeneficiaryAccountCommands;
import cn.jiangmen.innovation.funding.application.PaymentBatchCommands;
import cn.jiangmen.innovation.funding.application.PaymentQueries;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.platform.web.ContentDispositions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment batches over REST: make, export (pain.001, CSV), send, confirm; beneficiaries' bank accounts. */
@RestController
@RequestMapping("/api/funding")
@Tag(name = "Payment batches", description = "Approved tranches paid through the bank (支付批次), ISO 20022 pain.001")
class PaymentBatchController {

	static final String KEY = TrancheController.KEY;

	private final PaymentBatchCommands commands;

	private final BeneficiaryAccountCommands accounts;

	private final PaymentQueries queries;

	PaymentBatchController(PaymentBatchCommands commands, BeneficiaryAccountCommands accounts, PaymentQueries queries) {
		this.commands = commands;
		this.accounts = accounts;
		this.queries = queries;
	}

	record NewBatch(List<String> trancheIds) {
	}

	record BankReport(List<PaymentBatchCommands.LineResult> lines) {
	}

	record NewAccount(String accountName, String accountNumber, String bankName, String bankCode) {
	}

	@PutMapping("/organisations/{organisationId}/bank-account")
	@Operation(operationId = "enterBeneficiaryAccount", summary = "A finance officer enters or changes where an organisation is paid (audited)")
	PaymentViews.AccountView enterAccount(@PathVariable("organisationId") String organisationId,
			@RequestBody NewAccount account) {
		return PaymentViews.AccountView.of(this.accounts.enter(Callers.current(), organisationId, account.accountName(),
				account.accountNumber(), account.bankName(), account.bankCode()));
	}

	@GetMapping("/organisations/{organisationId}/bank-account")
	@Operation(operationId = "getBeneficiaryAccount", summary = "Where an organisation is paid")
	PaymentViews.AccountView account(@PathVariable("organisationId") String organisationId) {
		return PaymentViews.AccountView.of(this.accounts.find(Callers.current(), organisationId));
	}

	@PostMapping("/batches")
	@Operation(operationId = "createPaymentBatch", summary = "A finance officer gathers APPROVED or FAILED tranches into a payment batch",
			description = "Approved offsets of recoveries are kept back from the tranches. Idempotent by Idempotency-Key.")
	PaymentViews.BatchView create(@RequestHeader(name = KEY, required = false) String key, @RequestBody NewBatch batch) {
		return PaymentViews.BatchView.of(this.commands.create(Callers.current(), key, KEY, batch.trancheIds(), "trancheIds"));
	}

	@GetMapping("/batches")
	@Operation(operationId = "listPaymentBatches", summary = "Payment batches, newest first, paginated")
	PaymentViews.BatchPage batches(@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		var batches = this.queries.batches(Callers.current(), page);
		return new PaymentViews.BatchPage(batches.stream().map(PaymentViews.BatchView::of).toList(),
				page.nextToken(batches.size()));
	}

	@GetMapping("/batches/{batchId}")
	@Operation(operationId = "getPaymentBatch", summary = "A payment batch with its lines and the bank's answers")
	PaymentViews.BatchView batch(@PathVariable("batchId") String batchId) {
		return PaymentViews.BatchView.of(this.queries.batch(Callers.current(), batchId));
	}

	@GetMapping("/batches/{batchId}/pain001")
	@Operation(operationId = "exportPain001", summary = "The batch as an ISO 20022 pain.001.001.09 credit-transfer file (X-Checksum-SHA256 header)")
	ResponseEntity<byte[]> pain001(@PathVariable("batchId") String batchId) {
		return file(this.queries.pain001(Callers.current(), batchId), MediaType.APPLICATION_XML);
	}

	@GetMapping("/batches/{batchId}/csv")
	@Operation(operationId = "exportBatchCsv", summary = "The batch as CSV with a total row and a SHA-256 row (X-Checksum-SHA256 header of the whole file)")
	ResponseEntity<byte[]> csv(@PathVariable("batchId") String batchId) {
		return file(this.queries.csv(Callers.current(), batchId), new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@PostMapping("/batches/{batchId}/sending")
	@Operation(operationId = "sendPaymentBatch", summary = "A finance officer sends the batch to the bank: payable → in transit (在途), all lines or none")
	PaymentViews.BatchView send(@PathVariable("batchId") String batchId,
			@RequestHeader(name = KEY, required = false) String key) {
		return PaymentViews.BatchView.of(this.commands.send(Callers.current(), key, KEY, batchId));
	}

	@PostMapping("/batches/{batchId}/confirmation")
	@Operation(operationId = "confirmPaymentBatch", summary = "The bank's status report per line (simplified pain.002): ACCP/ACSC paid, RJCT back to the queue",
			description = "A rejected line is reversed to the payable and its tranche is FAILED with the bank's reason.")
	PaymentViews.BatchView confirm(@PathVariable("batchId") String batchId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody BankReport report) {
		return PaymentViews.BatchView.of(this.commands.confirm(Callers.current(), key, KEY, batchId, report.lines()));
	}

	private static ResponseEntity<byte[]> file(PaymentQueries.File file, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header("Content-Disposition", ContentDispositions.attachment(file.name()))
			.header("X-Checksum-SHA256", file.sha256())
			.body(file.text().getBytes(StandardCharsets.UTF_8));
	}

}
