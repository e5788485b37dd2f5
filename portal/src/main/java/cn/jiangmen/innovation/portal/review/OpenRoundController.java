package cn.jiangmen.innovation.portal.review;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import cn.jiangmen.innovation.contracts.review.v1.AwaitingItem;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundResponse;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A manager opens a round: picks items waiting for one (filtered by owning context), names the
 * round, edits the rubric, sets blind/open, the deadline (the bureau's zone), N reviewers per item,
 * at most M items per expert and the disagreement limit; then the round opens and, unless asked
 * not to, experts are assigned automatically. A rejected form goes back to its page (303) as typed
 * with a message next to each bad field; nothing is created.
 */
@Controller
@RequestMapping("/review/rounds/new")
@PreAuthorize("hasRole('program-manager')")
class OpenRoundController {

	private final ObjectProvider<ReviewPortalClient> clients;

	private final PortalProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	OpenRoundController(ObjectProvider<ReviewPortalClient> clients, PortalProperties properties,
			MessageSource messages, ObjectProvider<Clock> clock) {
		this.clients = clients;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping
	String form(@RequestParam(name = "context", defaultValue = "") String context, Model model, Locale locale) {
		// after a rejected POST (POST-redirect-GET): the form as typed and the message next to each field
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			RoundForm typed = RoundForm.from(failed.typed());
			return page(typed, filter(failed.value("filter", context)), failed.errors("review", typed.fieldNames()),
					model);
		}
		String filter = filter(context);
		RoundForm form = RoundForm.blank(filter.isEmpty() ? ReviewChoices.contexts().get(0) : filter,
				code -> this.messages.getMessage("review.open.criterion." + code, null, code, locale),
				this.properties.zone(), this.clock.instant());
		return page(form, filter, FieldErrors.none(), model);
	}

	@PostMapping
	String open(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		RoundForm form = RoundForm.from(params);
		String filter = filter(params.getFirst("filter"));
		ReviewPortalClient review = this.clients.getObject();
		OpenRoundResponse opened;
		try {
			opened = review.openRound(form.toRequest(this.properties.zone()));
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations())
				.redirect("/review/rounds/new" + (filter.isEmpty() ? "" : "?context=" + filter), redirect);
		}
		String round = "redirect:/review/rounds/" + opened.getRoundId() + "?conflicts=" + opened.getConflictsDetected();
		if (!form.autoAssign()) {
			return round + "&notice=opened";
		}
		try {
			var assigned = review.autoAssign(opened.getRoundId());
			return round + "&notice=opened-assigned&added=" + assigned.getAssignmentsAdded() + "&missing="
					+ assigned.getShortfallsCount();
		}
		catch (Refused refused) {
			return round + "&notice=opened";
		}
	}

	private String page(RoundForm form, String filter, FieldErrors errors, Model model) {
		List<AwaitingItem> items = this.clients.getObject().awaitingItems(RoundForm.context(filter));
		model.addAttribute("form", form);
		model.addAttribute("filter", filter);
		model.addAttribute("contexts", ReviewChoices.contexts());
		model.addAttribute("items", items);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", this.properties.zone());
		return "review/open-round";
	}

	/** Only the owning contexts filter; anything else lists all. */
	private static String filter(String context) {
		return ReviewChoices.contexts().contains(context) ? context : "";
	}

}
