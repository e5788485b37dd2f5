package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiangmen.innovation.contracts.funding.v1.BankLineResult;
import cn.jiangmen.innovation.contracts.funding.v1.BankTransactionStatus;
import cn.jiangmen.innovation.contracts.funding.v1.ExportPaymentBatchResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListPaymentBatchesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchFileFormat;
import cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheQueue;
import cn.jiangmen.innovation.contracts.funding.v1.TrancheState;
import cn.jiangmen.innovation.platform.web.ContentDispositions;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Payment batches (支付批次): approved tranches (and those the bank refused) waiting for a batch;
 * a finance officer makes a batch of the chosen ones, downloads its pain.001 and CSV files, sends it
 * and records the bank's answer line by line, each step on a confirmation page since none can be
 * undone. A refused line's tranche comes back to the waiting list with the bank's reason.
 * funding-service decides who may do what; the page only hides what would be refused.
 */
@Controller
@RequestMapping("/finance/batches")
@PreAuthorize("hasAnyRole('finance-officer','finance-approver','auditor')")
class BatchPagesController {

	/** Batches per page of the list. */
	static final int PAGE_SIZE = 20;

	static final Map<String, String> NOTICES = Map.of("created", "finance.batch.notice.created", "sent",
			"finance.batch.notice.sent", "answered", "finance.batch.notice.answered");

	private static final Set<String> REFUSALS = Set.of("tranche.not-payable", "beneficiary.no-account",
			"recovery.changed", "batch.changed", "batch.not-sent", "tranche.changed");

	/** What the bank may answer for a line on this page: paid (ACSC) or rejected (RJCT, with a reason). */
	static final List<String> ANSWERS = List.of("paid", "rejected");

	private final ObjectProvider<FundingPortalClient> clients;

	private final Beneficiaries beneficiaries;

	BatchPagesController(ObjectProvider<FundingPortalClient> clients, Beneficiaries beneficiaries) {
		this.clients = clients;
		this.beneficiaries = beneficiaries;
	}

	@ModelAttribute("yuan")
	Yuan yuan() {
		return Yuan.PAGES;
	}

	/** Tranches waiting for a batch, and the batches, newest first, a page at a time. */
	@GetMapping
	String batches(@RequestParam(name = "page", defaultValue = "") String page,
			@RequestParam(name = "notice", required = false) String notice, Model model) {
		return list(page, FieldErrors.none(), model);
	}

	/** The confirmation before making a batch: the chosen tranches and what the file will ask the bank to pay. */
	@GetMapping("/new")
	@PreAuthorize("hasRole('finance-officer')")
	String confirmCreate(@RequestParam(name = "tranche", required = false) List<String> tranches, Model model,
			HttpServletResponse response) {
		List<PayableTranche> chosen = chosen(tranches);
		if (chosen.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list("", FieldErrors.single("finance", "tranches", "batch.none-chosen"), model);
		}
		return createConfirmation(chosen, FundingPortalClient.newKey(), null, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('finance-officer')")
	String create(@RequestParam(name = "tranche", required = false) List<String> tranches,
			@RequestParam(name = "key", defaultValue = "") String key, Model model, HttpServletResponse response) {
		List<String> ids = tranches == null ? List.of() : List.copyOf(new LinkedHashSet<>(tranches));
		if (ids.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list("", FieldErrors.single("finance", "tranches", "batch.none-chosen"), model);
		}
		try {
			PaymentBatch batch = this.clients.getObject()
				.createBatch(key.isBlank() ? FundingPortalClient.newKey() : key, ids);
			return "redirect:/finance/batches/" + batch.getBatchId() + "?notice=created";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return createConfirmation(chosen(ids), key, refusal(refused.code()), model);
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list("", FieldErrors.single("finance", "tranches", "batch.invalid"), model);
		}
	}

	@GetMapping("/{id}")
	String batch(@PathVariable("id") String id, @RequestParam(name = "notice", required = false) String notice,
			Model model) {
		model.addAttribute("batch", view(this.clients.getObject().batch(id)));
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
		return "finance/batch";
	}

	@GetMapping("/{id}/pain001")
	ResponseEntity<byte[]> pain001(@PathVariable("id") String id) {
		return file(this.clients.getObject().exportBatch(id, PaymentBatchFileFormat.PAYMENT_BATCH_FILE_FORMAT_PAIN001),
				MediaType.APPLICATION_XML);
	}

	@GetMapping("/{id}/csv")
	ResponseEntity<byte[]> csv(@PathVariable("id") String id) {
		return file(this.clients.getObject().exportBatch(id, PaymentBatchFileFormat.PAYMENT_BATCH_FILE_FORMAT_CSV),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The confirmation before sending: from then on the money is in transit (在途). */
	@GetMapping("/{id}/send")
	@PreAuthorize("hasRole('finance-officer')")
	String confirmSend(@PathVariable("id") String id, Model model) {
		return sendConfirmation(view(this.clients.getObject().batch(id)), FundingPortalClient.newKey(), null, model);
	}

	@PostMapping("/{id}/send")
	@PreAuthorize("hasRole('finance-officer')")
	String send(@PathVariable("id") String id, @RequestParam(name = "key", defaultValue = "") String key, Model model,
			HttpServletResponse response) {
		try {
			this.clients.getObject().sendBatch(key.isBlank() ? FundingPortalClient.newKey() : key, id);
			return "redirect:/finance/batches/" + id + "?notice=sent";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return sendConfirmation(view(this.clients.getObject().batch(id)), key, refusal(refused.code()), model);
		}
	}

	/** The bank's answer, line by line: paid, or rejected with the bank's reason; lines left open wait. */
	@GetMapping("/{id}/answer")
	@PreAuthorize("hasRole('finance-officer')")
	String answerForm(@PathVariable("id") String id, Model model) {
		return answerPage(view(this.clients.getObject().batch(id)), BankAnswers.empty(), FieldErrors.none(),
				FundingPortalClient.newKey(), model);
	}

	/**
	 * The answer checked: a form with a problem comes back with the message next to each field; a
	 * good one is shown as a summary to confirm (what the bank said cannot be taken back).
	 */
	@PostMapping("/{id}/answer")
	@PreAuthorize("hasRole('finance-officer')")
	String checkAnswer(@PathVariable("id") String id, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(name = "key", defaultValue = "") String key, Model model, HttpServletResponse response) {
		BatchView batch = view(this.clients.getObject().batch(id));
		BankAnswers answers = BankAnswers.read(batch, form);
		FieldErrors errors = answers.errors();
		if (errors.any()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return answerPage(batch, answers, errors, key, model);
		}
		model.addAttribute("batch", batch);
		model.addAttribute("answers", answers);
		model.addAttribute("key", key.isBlank() ? FundingPortalClient.newKey() : key);
		return "finance/batch-answer-confirm";
	}

	@PostMapping("/{id}/answer/confirmed")
	@PreAuthorize("hasRole('finance-officer')")
	String answer(@PathVariable("id") String id, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(name = "key", defaultValue = "") String key, Model model, HttpServletResponse response) {
		BatchView batch = view(this.clients.getObject().batch(id));
		BankAnswers answers = BankAnswers.read(batch, form);
		if (answers.errors().any()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return answerPage(batch, answers, answers.errors(), key, model);
		}
		List<BankLineResult> lines = new ArrayList<>();
		for (BankAnswers.Answer a : answers.given()) {
			lines.add(BankLineResult.newBuilder()
				.setEndToEndId(a.endToEndId())
				.setStatus(a.paid() ? BankTransactionStatus.BANK_TRANSACTION_STATUS_ACSC
						: BankTransactionStatus.BANK_TRANSACTION_STATUS_RJCT)
				.setReason(a.paid() ? "" : a.reason())
				.build());
		}
		try {
			this.clients.getObject().confirmBatch(key.isBlank() ? FundingPortalClient.newKey() : key, id, lines);
			return "redirect:/finance/batches/" + id + "?notice=answered";
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return answerPage(batch, answers, FieldErrors.single("finance", "", "batch.answer-invalid"), key, model);
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", refusal(refused.code()));
			return answerPage(batch, answers, FieldErrors.none(), key, model);
		}
	}

	private String list(String page, FieldErrors errors, Model model) {
		FundingPortalClient client = this.clients.getObject();
		model.addAttribute("waiting", payable());
		ListPaymentBatchesResponse batches = client.batches(PAGE_SIZE, page);
		model.addAttribute("batches", batches.getBatchesList().stream().map(b -> view(b, Map.of())).toList());
		model.addAttribute("nextPage", batches.getNextPageToken());
		model.addAttribute("firstPage", page.isEmpty());
		model.addAttribute("errors", errors);
		return "finance/batches";
	}

	private String createConfirmation(List<PayableTranche> chosen, String key, String refusal, Model model) {
		model.addAttribute("chosen", chosen);
		model.addAttribute("total", Yuan.format(chosen.stream().mapToLong(PayableTranche::fen).sum()));
		model.addAttribute("key", key);
		model.addAttribute("refusal", refusal);
		return "finance/batch-create-confirm";
	}

	private String sendConfirmation(BatchView batch, String key, String refusal, Model model) {
		model.addAttribute("batch", batch);
		model.addAttribute("key", key);
		model.addAttribute("refusal", refusal);
		return "finance/batch-send-confirm";
	}

	private String answerPage(BatchView batch, BankAnswers answers, FieldErrors errors, String key, Model model) {
		model.addAttribute("batch", batch);
		model.addAttribute("answers", answers);
		model.addAttribute("errors", errors);
		model.addAttribute("key", key.isBlank() ? FundingPortalClient.newKey() : key);
		return "finance/batch-answer";
	}

	private List<PayableTranche> payable() {
		FundingPortalClient client = this.clients.getObject();
		List<QueuedTranche> queued = client.queue(TrancheQueue.TRANCHE_QUEUE_TO_PAY);
		Map<String, String> names = this.beneficiaries
			.names(queued.stream().map(QueuedTranche::getRecipientOrganisationId).distinct().toList());
		List<PayableTranche> rows = new ArrayList<>();
		for (QueuedTranche q : queued) {
			boolean failed = q.getTranche().getState() == TrancheState.TRANCHE_STATE_FAILED;
			String reason = "";
			if (failed) {
				// refused tranches are few; their reason lives on the batch line that carried them
				var lines = client.paymentStatus(q.getTranche().getTrancheId()).getLinesList();
				reason = lines.isEmpty() ? "" : lines.get(lines.size() - 1).getBankReason();
			}
			rows.add(new PayableTranche(InboxRow.of(q, names), failed, reason, q.getTranche().getAmount().getMinorUnits()));
		}
		return rows;
	}

	private List<PayableTranche> chosen(List<String> tranches) {
		if (tranches == null || tranches.isEmpty()) {
			return List.of();
		}
		Set<String> wanted = new LinkedHashSet<>(tranches);
		return payable().stream().filter(p -> wanted.contains(p.row().trancheId())).toList();
	}

	private BatchView view(PaymentBatch batch) {
		return view(batch, this.beneficiaries
			.names(batch.getLinesList().stream().map(l -> l.getOrganisationId()).distinct().toList()));
	}

	private static BatchView view(PaymentBatch batch, Map<String, String> names) {
		return BatchView.of(batch, names);
	}

	private static String refusal(String code) {
		return "finance.batch.refused." + (REFUSALS.contains(code) ? code : "generic");
	}

	private static ResponseEntity<byte[]> file(ExportPaymentBatchResponse file, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(file.getFileName()))
			.header("X-Checksum-SHA256", file.getSha256())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.getContent().toByteArray());
	}

}
