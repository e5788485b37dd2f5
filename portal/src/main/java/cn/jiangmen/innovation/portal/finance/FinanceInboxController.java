package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.funding.v1.TrancheQueue;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's inbox (资金拨付待办): tranches to prepare (经办), to approve (复核) and rejected
 * (已退回), and each action on a confirmation page. The maker's own tranches show the decision
 * disabled with the reason; funding-service refuses it anyway (four eyes is the server's rule,
 * the page only explains it).
 */
@Controller
@RequestMapping("/finance")
@PreAuthorize("hasAnyRole('finance-officer','finance-approver','auditor')")
class FinanceInboxController {

	/** The tabs, in the order the page shows them, by their URL name. */
	static final Map<String, TrancheQueue> TABS = Map.of("prepare", TrancheQueue.TRANCHE_QUEUE_TO_PREPARE, "approve",
			TrancheQueue.TRANCHE_QUEUE_TO_APPROVE, "rejected", TrancheQueue.TRANCHE_QUEUE_REJECTED);

	static final List<String> TAB_ORDER = List.of("prepare", "approve", "rejected");

	static final Map<String, String> NOTICES = Map.of("prepared", "finance.notice.prepared", "approved",
			"finance.notice.approved", "rejected", "finance.notice.rejected", "claim-prepared",
			"finance.notice.claim-prepared", "claim-approved", "finance.notice.claim-approved", "claim-rejected",
			"finance.notice.claim-rejected");

	private final ObjectProvider<FundingPortalClient> clients;

	private final MessageSource messages;

	private final Beneficiaries beneficiaries;

	private final ObjectProvider<InstrumentPortalClient> instruments;

	FinanceInboxController(ObjectProvider<FundingPortalClient> clients, MessageSource messages,
			Beneficiaries beneficiaries, ObjectProvider<InstrumentPortalClient> instruments) {
		this.clients = clients;
		this.messages = messages;
		this.beneficiaries = beneficiaries;
		this.instruments = instruments;
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam(name = "tab", defaultValue = "prepare") String tab,
			@RequestParam(name = "notice", required = false) String notice,
			@RequestParam(name = "kind", defaultValue = "") String kind,
			@RequestParam(name = "year", defaultValue = "") String year, Model model) {
		String current = TABS.containsKey(tab) ? tab : "prepare";
		model.addAttribute("tab", current);
		model.addAttribute("tabs", TAB_ORDER);
		model.addAttribute("rows", rows(current));
		ClaimQueues.Filter filter = ClaimQueues.filter(kind, year);
		model.addAttribute("claimKinds", ClaimQueues.KINDS.keySet());
		model.addAttribute("claimKind", filter.kindName());
		model.addAttribute("claimYear", filter.year() == 0 ? "" : String.valueOf(filter.year()));
		model.addAttribute("claims", ClaimRow.of(this.instruments.getObject()
			.claims(ClaimQueues.TABS.get(current), filter.kind(), filter.year()), this.beneficiaries));
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
		return "finance/inbox";
	}

	@GetMapping("/inbox.csv")
	ResponseEntity<byte[]> inboxCsv(@RequestParam(name = "tab", defaultValue = "prepare") String tab, Locale locale) {
		String current = TABS.containsKey(tab) ? tab : "prepare";
		return Exports.csv("finance-" + current, header(locale), cells(current, locale));
	}

	@GetMapping("/inbox.xlsx")
	ResponseEntity<byte[]> inboxXlsx(@RequestParam(name = "tab", defaultValue = "prepare") String tab, Locale locale) {
		String current = TABS.containsKey(tab) ? tab : "prepare";
		return Exports.xlsx("finance-" + current, this.messages.getMessage("finance.tab." + current, null, locale),
				header(locale), cells(current, locale));
	}

	/** The confirmation before preparing (经办): what will be asked for payment, and that the milestone is checked. */
	@GetMapping("/tranches/{id}/prepare")
	@PreAuthorize("hasRole('finance-officer')")
	String confirmPrepare(@PathVariable("id") String id, @RequestParam(name = "from", defaultValue = "prepare") String from,
			Model model) {
		return confirmation(find(from, id), "prepare", from, model);
	}

	/**
	 * Prepares with the idempotency key of the page; a refusal (the milestone not accepted, project
	 * office's service silent) goes back to the confirmation (303) with the reason and the same key.
	 */
	@PostMapping("/tranches/{id}/prepare")
	@PreAuthorize("hasRole('finance-officer')")
	String prepare(@PathVariable("id") String id, @RequestParam(name = "from", defaultValue = "prepare") String from,
			@RequestParam(name = "key", defaultValue = "") String key, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		String page = "/finance/tranches/" + id + "/prepare?from=" + tab(from);
		try {
			this.clients.getObject().prepare(key.isBlank() ? FundingPortalClient.newKey() : key, id);
			return "redirect:/finance/inbox?tab=approve&notice=prepared";
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page, redirect);
		}
		catch (ResponseStatusException unavailable) {
			if (unavailable.getStatusCode().value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
				throw unavailable;
			}
			return FailedPost.refused(params, "finance.refused.unavailable").redirect(page, redirect);
		}
	}

	/** The confirmation before approving (批准) or rejecting (退回, with a reason). */
	@GetMapping("/tranches/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String confirmDecision(@PathVariable("id") String id, @PathVariable("decision") String decision, Model model) {
		return confirmation(find("approve", id), decision, "approve", model);
	}

	/** Decides; a missing or rejected reason, or a refusal, goes back to the confirmation (303) as typed. */
	@PostMapping("/tranches/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String decide(@PathVariable("id") String id, @PathVariable("decision") String decision,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		String why = reason.strip();
		boolean approve = "approve".equals(decision);
		String page = "/finance/tranches/" + id + "/" + decision;
		if (!approve && why.isEmpty()) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "required")))
				.redirect(page, redirect);
		}
		try {
			this.clients.getObject().decide(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/inbox?tab=" + (approve ? "approve" : "rejected") + "&notice="
					+ (approve ? "approved" : "rejected");
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason",
					rejected.violations().isEmpty() ? "invalid" : rejected.violations().get(0).reason())))
				.redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page, redirect);
		}
	}

	/**
	 * The confirmation page; after a failed POST (POST-redirect-GET) with the reason as typed, the
	 * refusal or the message next to the reason, and the idempotency key of the first attempt.
	 */
	private String confirmation(InboxRow row, String action, String from, Model model) {
		FailedPost failed = FailedPost.from(model);
		model.addAttribute("row", row);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("key", failed == null ? FundingPortalClient.newKey()
				: failed.value("key", FundingPortalClient.newKey()));
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		model.addAttribute("reason", failed == null ? "" : failed.value("reason", ""));
		model.addAttribute("errors", failed == null ? FieldErrors.none() : failed.errors("finance", field -> field));
		return "finance/tranche-confirm";
	}

	/** Only a known tab goes back into an address. */
	private static String tab(String from) {
		return TABS.containsKey(from) ? from : "prepare";
	}

	private static final java.util.Set<String> REFUSALS = java.util.Set.of("tranche.milestone-not-accepted",
			"tranche.not-yet-due", "tranche.transition-not-allowed", "tranche.changed");

	private static String refusal(String code) {
		return "finance.refused." + (REFUSALS.contains(code) ? code : "generic");
	}

	/** The tranche as its queue shows it; 404 once it has left the queue (decided meanwhile). */
	private InboxRow find(String tab, String id) {
		TrancheQueue queue = TABS.getOrDefault(tab, TrancheQueue.TRANCHE_QUEUE_TO_PREPARE);
		Optional<InboxRow> row = named(this.clients.getObject().queue(queue)).stream()
			.filter(r -> r.trancheId().equals(id))
			.findFirst();
		return row.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "tranche not in " + tab));
	}

	private List<InboxRow> rows(String tab) {
		return named(this.clients.getObject().queue(TABS.get(tab)));
	}

	private List<InboxRow> named(List<cn.jiangmen.innovation.contracts.funding.v1.QueuedTranche> queued) {
		java.util.Map<String, String> names = this.beneficiaries
			.names(queued.stream().map(q -> q.getRecipientOrganisationId()).distinct().toList());
		return queued.stream().map(q -> InboxRow.of(q, names)).toList();
	}

	private List<String> header(Locale locale) {
		return InboxRow.COLUMNS.stream().map(c -> this.messages.getMessage("finance.column." + c, null, locale)).toList();
	}

	private List<List<Object>> cells(String tab, Locale locale) {
		String milestone = this.messages.getMessage("finance.kind.milestone", null, locale);
		String instalment = this.messages.getMessage("finance.kind.instalment", null, locale);
		return rows(tab).stream().map(r -> r.cells(r.milestone() ? milestone : instalment)).toList();
	}

}
