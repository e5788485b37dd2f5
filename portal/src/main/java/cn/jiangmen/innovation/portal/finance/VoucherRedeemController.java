package cn.jiangmen.innovation.portal.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherListView;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An enterprise redeems its innovation voucher (科技创新券): the form (provider by name, contract
 * reference, contract price in yuan, what the voucher pays), a confirmation that it is final, then
 * funding's RedeemVoucher with the key the form was first shown with, so that a second click does
 * not redeem twice. The pages are the holder's only: the voucher is looked up in funding's HOLDER
 * list of the caller's organisation (a provider's staff can read a voucher redeemed with them, but
 * never redeem it), and funding answers NOT_FOUND to anyone else's post anyway.
 */
@Controller
class VoucherRedeemController {

	private static final Set<String> REFUSALS = Set.of("voucher.expired", "voucher.transition-not-allowed",
			"voucher.changed");

	private final ObjectProvider<FundingPortalClient> clients;

	private final VoucherProviders providers;

	private final Beneficiaries beneficiaries;

	VoucherRedeemController(ObjectProvider<FundingPortalClient> clients,
			ObjectProvider<OrganisationDirectory> directory, Beneficiaries beneficiaries) {
		this.clients = clients;
		this.providers = new VoucherProviders(directory);
		this.beneficiaries = beneficiaries;
	}

	@GetMapping("/funding/vouchers/{id}/redeem")
	@PreAuthorize("hasRole('applicant')")
	String form(@PathVariable("id") String id, Model model) {
		Voucher voucher = own(id);
		FailedPost failed = FailedPost.from(model);
		describe(voucher, model);
		model.addAttribute("providerNames", this.providers.names());
		model.addAttribute("provider", failed == null ? "" : failed.value("provider", ""));
		model.addAttribute("reference", failed == null ? "" : failed.value("reference", ""));
		model.addAttribute("price", failed == null ? "" : failed.value("price", ""));
		model.addAttribute("key", failed == null ? FundingPortalClient.newKey()
				: failed.value("key", FundingPortalClient.newKey()));
		model.addAttribute("errors", failed == null ? FieldErrors.none() : failed.errors("finance", f -> f));
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		return "finance/voucher-redeem";
	}

	/** The confirmation: to whom, for which contract, and what the voucher will pay. Final once sent. */
	@GetMapping("/funding/vouchers/{id}/redeem/confirm")
	@PreAuthorize("hasRole('applicant')")
	String confirm(@PathVariable("id") String id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Voucher voucher = own(id);
		String provider = params.getFirst("provider");
		String reference = params.getFirst("reference");
		String price = params.getFirst("price");
		List<Rejected.Violation> errors = check(provider, reference, price);
		Yuan.Parsed fen = Yuan.parse(price);
		if (errors.isEmpty() && VoucherRedemption.pays(voucher, fen.fen()) <= 0) {
			errors.add(new Rejected.Violation("price", "amount.too-small"));
		}
		if (!errors.isEmpty()) {
			return FailedPost.rejected(params, errors).redirect(form(id), redirect);
		}
		describe(voucher, model);
		model.addAttribute("provider", provider.strip());
		model.addAttribute("reference", reference.strip());
		model.addAttribute("price", price.strip());
		model.addAttribute("priceText", Yuan.format(fen.fen()));
		model.addAttribute("paysText", Yuan.format(VoucherRedemption.pays(voucher, fen.fen())));
		String key = params.getFirst("key");
		model.addAttribute("key", key == null || key.isBlank() ? FundingPortalClient.newKey() : key);
		return "finance/voucher-redeem-confirm";
	}

	/**
	 * The form posts here without {@code confirmed=1}: checked, then on to the confirmation (303);
	 * the confirmation posts with it and funding redeems. Anything wrong goes back to the form.
	 */
	@PostMapping("/funding/vouchers/{id}/redeem")
	@PreAuthorize("hasRole('applicant')")
	String redeem(@PathVariable("id") String id, @RequestParam(name = "provider", defaultValue = "") String provider,
			@RequestParam(name = "reference", defaultValue = "") String reference,
			@RequestParam(name = "price", defaultValue = "") String price,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "confirmed", defaultValue = "") String confirmed,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		List<Rejected.Violation> errors = check(provider, reference, price);
		if (!errors.isEmpty()) {
			return FailedPost.rejected(params, errors).redirect(form(id), redirect);
		}
		String idempotencyKey = key.isBlank() ? FundingPortalClient.newKey() : key;
		if (!"1".equals(confirmed)) {
			FailedPost.seeOther();
			redirect.addAttribute("provider", provider.strip());
			redirect.addAttribute("reference", reference.strip());
			redirect.addAttribute("price", price.strip());
			redirect.addAttribute("key", idempotencyKey);
			return "redirect:" + form(id) + "/confirm";
		}
		try {
			funding().redeemVoucher(idempotencyKey, id, this.providers.named(provider).organisation().id().toString(),
					reference.strip(), Yuan.parse(price).fen());
			FailedPost.seeOther();
			return "redirect:/funding/vouchers?notice=redeemed";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()
				.stream()
				.map(v -> new Rejected.Violation(VoucherRedemption.formField(v.field()), v.reason()))
				.toList()).redirect(form(id), redirect);
		}
		catch (Refused refused) {
			String code = REFUSALS.contains(refused.code()) ? refused.code() : "generic";
			return FailedPost.refused(params, "finance.voucher.redeem.refused." + code).redirect(form(id), redirect);
		}
	}

	/** What the portal checks before funding: a provider of the directory by name, a reference, yuan. */
	private List<Rejected.Violation> check(String provider, String reference, String price) {
		List<Rejected.Violation> errors = new ArrayList<>();
		VoucherProviders.Choice choice = this.providers.named(provider);
		if (!choice.ok()) {
			errors.add(new Rejected.Violation("provider", choice.problem()));
		}
		String ref = reference == null ? "" : reference.strip();
		if (ref.isEmpty()) {
			errors.add(new Rejected.Violation("reference", "required"));
		}
		else if (ref.length() > VoucherRedemption.MAX_REFERENCE) {
			errors.add(new Rejected.Violation("reference", "too-long"));
		}
		Yuan.Parsed fen = Yuan.parse(price);
		if (!fen.ok()) {
			errors.add(new Rejected.Violation("price", fen.problem()));
		}
		return errors;
	}

	/** The caller's organisation's own voucher, as funding lists it to them; 404 for any other. */
	private Voucher own(String id) {
		return funding().vouchers(VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "")
			.stream()
			.filter(v -> v.getVoucherId().equals(id))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no voucher " + id + " of yours"));
	}

	private void describe(Voucher voucher, Model model) {
		Map<String, String> names = this.beneficiaries.names(List.of(voucher.getProviderId()));
		model.addAttribute("row", VoucherRow.of(voucher, names));
		model.addAttribute("redeemable",
				VoucherRedemption.redeemable(voucher, LocalDate.now(VoucherRedemption.BEIJING)));
	}

	private static String form(String id) {
		return "/funding/vouchers/" + org.springframework.web.util.UriUtils.encodePathSegment(id,
				java.nio.charset.StandardCharsets.UTF_8) + "/redeem";
	}

	private FundingPortalClient funding() {
		return this.clients.getObject();
	}

}
