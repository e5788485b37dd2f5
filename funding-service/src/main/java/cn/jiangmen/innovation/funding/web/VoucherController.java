package cn.jiangmen.innovation.funding.web;

import java.util.List;

import cn.jiangmen.innovation.funding.application.VoucherCommands;
import cn.jiangmen.innovation.funding.domain.voucher.VoucherProvider;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Innovation vouchers (科技创新券) over REST; every command needs an {@code Idempotency-Key} header. */
@RestController
@RequestMapping("/api/funding")
@Tag(name = "Innovation vouchers", description = "科技创新券: providers, issue within the yearly cap, redemption, settlement with four eyes")
class VoucherController {

	static final String KEY = TrancheController.KEY;

	private final VoucherCommands commands;

	VoucherController(VoucherCommands commands) {
		this.commands = commands;
	}

	record NewProvider(String organisationId) {
	}

	record ProviderView(String organisationId, String name, String kind, String registeredBy, String registeredAt) {

		static ProviderView of(VoucherProvider p) {
			return new ProviderView(p.organisationId().toString(), p.name(), p.kind().name(), p.registeredBy(),
					p.registeredAt().toString());
		}

	}

	record NewVoucher(String enterpriseId, Integer fiscalYear, String amount, String currency) {
	}

	record Redemption(String providerId, String contractReference, String contractPrice, String currency) {
	}

	record SettlementRequest(String evidenceReference) {
	}

	record Decision(String decision, String reason) {
	}

	@PostMapping("/voucher-providers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A program manager registers a university, institute or service agency of the directory as a provider")
	ProviderView register(@RequestBody NewProvider body) {
		return ProviderView.of(this.commands.registerProvider(Callers.current(), body.organisationId()));
	}

	@GetMapping("/voucher-providers")
	@Operation(summary = "The provider register, by name")
	List<ProviderView> providers(@RequestParam(name = "offset", defaultValue = "0") int offset,
			@RequestParam(name = "limit", defaultValue = "50") int limit) {
		return this.commands.providers(Math.max(0, offset), Math.max(1, Math.min(200, limit))).stream().map(ProviderView::of).toList();
	}

	@PostMapping("/vouchers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A program manager issues a voucher to an enterprise within its yearly cap",
			description = "Commits the amount from the vouchers budget (a pending ledger transfer). 409 voucher.cap-exceeded, "
					+ "budget.insufficient or rule.missing; 400 naming the field for a bad amount or a non-enterprise.")
	VoucherView issue(@RequestHeader(name = KEY, required = false) String key, @RequestBody NewVoucher body) {
		if (body.fiscalYear() == null) {
			throw new InvalidInputException("fiscalYear", "required", "must be given");
		}
		long amount = Amounts.fen(body.amount(), body.currency(), "amount");
		return VoucherView.of(this.commands.issue(Callers.current(), key, KEY, body.enterpriseId(), body.fiscalYear(), amount));
	}

	@GetMapping("/vouchers")
	@Operation(operationId = "listVouchers", summary = "Vouchers, newest first: an applicant sees their enterprise's; bureau staff all or one enterprise's")
	List<VoucherView> list(@RequestParam(name = "enterpriseId", required = false) String enterpriseId,
			@RequestParam(name = "offset", defaultValue = "0") int offset,
			@RequestParam(name = "limit", defaultValue = "50") int limit) {
		return this.commands.list(Callers.current(), enterpriseId, Math.max(0, offset), Math.max(1, Math.min(200, limit)))
			.stream()
			.map(VoucherView::of)
			.toList();
	}

	@GetMapping("/vouchers/{voucherId}")
	@Operation(operationId = "getVoucher", summary = "One voucher: its enterprise, the provider it was redeemed with, and bureau staff")
	VoucherView find(@PathVariable("voucherId") String voucherId) {
		return VoucherView.of(this.commands.find(Callers.current(), voucherId));
	}

	@PostMapping("/vouchers/{voucherId}/redemption")
	@Operation(summary = "The enterprise redeems its voucher at a registered provider against a service contract",
			description = "Pays the rule's share of the price, at most the face value. Only the enterprise it was issued to "
					+ "(404 for anyone else); once (409 voucher.transition-not-allowed); 409 voucher.expired after the end date.")
	VoucherView redeem(@PathVariable("voucherId") String voucherId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody Redemption body) {
		long price = Amounts.fen(body.contractPrice(), body.currency(), "contractPrice");
		return VoucherView.of(this.commands.redeem(Callers.current(), key, KEY, voucherId, body.providerId(),
				body.contractReference(), price));
	}

	@PostMapping("/vouchers/{voucherId}/settlement")
	@Operation(summary = "A finance officer prepares the settlement on evidence (invoice or contract reference)")
	VoucherView prepareSettlement(@PathVariable("voucherId") String voucherId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody SettlementRequest body) {
		return VoucherView.of(this.commands.prepareSettlement(Callers.current(), key, KEY, voucherId,
				body.evidenceReference()));
	}

	@PostMapping("/vouchers/{voucherId}/settlement/decision")
	@Operation(summary = "A finance approver other than the maker approves (payable to the provider) or rejects",
			description = "403 for the maker of the settlement, whatever roles they hold.")
	VoucherView decideSettlement(@PathVariable("voucherId") String voucherId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody Decision body) {
		String verdict = body.decision() == null ? "" : body.decision().strip();
		if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		return VoucherView.of(this.commands.decideSettlement(Callers.current(), key, KEY, voucherId,
				verdict.equals("APPROVE"), body.reason()));
	}

}
