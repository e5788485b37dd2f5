package cn.jiangmen.innovation.portal.talent;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.Degree;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.HostKind;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.security.CurrentUser;
import cn.jiangmen.innovation.contracts.talent.v1.MemberRole;
import cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TeamMemberForm;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.security.Roles;
import cn.jiangmen.innovation.platform.web.ContentDispositions;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's talent pages: calls with their deadline countdown, the application form with
 * autosave (htmx posts the form one second after a change; a field talent-service cannot take is
 * named and the rest saved; talent-form.js keeps what was typed in the browser until it is saved,
 * and says so when a save fails or the session expired), uploads, submission and withdrawal.
 * Managers and auditors see the same application page read-only.
 */
@Controller
@RequestMapping("/talent")
class TalentPagesController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TalentPagesController.class);

	/** The closed sets the form offers, in the contract's order. */
	static final List<String> CATEGORIES = ProtoEnums.codes(Category.class);

	static final List<String> KINDS = ProtoEnums.codes(HostKind.class);

	static final List<String> ROLES = ProtoEnums.codes(MemberRole.class);

	static final List<String> TITLES = ProtoEnums.codes(ProfessionalTitle.class);

	static final List<String> DEGREES = ProtoEnums.codes(Degree.class);

	static final List<String> ATTACHMENT_KINDS = List.of("PROPOSAL", "CV", "CONTRACT", "OTHER");

	/** What every category needs before submission (talent-service's AttachmentKind.requiredFor). */
	static final List<String> REQUIRED_DOCUMENTS = List.of("PROPOSAL", "CV", "CONTRACT");

	/** Whom applicants ask about a call: the bureau's talent office; phone and e-mail as configured. */
	public record Contact(String phone, String email) {
	}

	/** Empty rows offered for adding people. */
	static final int BLANK_ROWS = 2;

	/** talent-service takes at most 50 people. */
	static final int MAX_ROWS = 50;

	private final ObjectProvider<TalentPortalClient> client;

	private final PortalProperties properties;

	private final MessageSource messages;

	private final ObjectProvider<OrganisationDirectory> directory;

	private final Contact contact;

	private final Clock clock = Clock.systemUTC();

	TalentPagesController(ObjectProvider<TalentPortalClient> client, PortalProperties properties,
			MessageSource messages, @Value("${jiangmen.portal.talent-contact.phone:}") String contactPhone,
			@Value("${jiangmen.portal.talent-contact.email:}") String contactEmail,
			ObjectProvider<OrganisationDirectory> directory) {
		this.client = client;
		this.directory = directory;
		this.properties = properties;
		this.messages = messages;
		this.contact = new Contact(contactPhone, contactEmail);
	}

	/**
	 * The host organisation (依托单位) as the form shows it, read-only: nobody types it. While the
	 * applicant can still edit, it is their organisation's entry in the directory (what the next save
	 * stores); afterwards the copy the application kept at submission.
	 *
	 * @param kind {@code ENTERPRISE}, {@code UNIVERSITY}, {@code INSTITUTE}, or empty
	 */
	public record HostView(String name, String creditCode, String kind) {

		static HostView of(ApplicationForm form) {
			String kind = form.getHostKind() == HostKind.HOST_KIND_UNSPECIFIED ? "" : ProtoEnums.code(form.getHostKind());
			return new HostView(form.getHostName(), form.getHostCreditCode(), kind);
		}

		static HostView of(Organisation entry) {
			String kind = switch (entry.kind()) {
				case ENTERPRISE, UNIVERSITY, INSTITUTE -> entry.kind().name();
				default -> "";
			};
			return new HostView(entry.name(), entry.creditCode(), kind);
		}

	}

	/** An applicant's draft on a call, as the call's card offers it. */
	public record Draft(String id, String title, ZonedDateTime updatedAt) {
	}

	/**
	 * The calls; for applicants each call's card also offers the organisation's drafts on it, and
	 * {@code existing} (a call whose "start" found a draft) opens that offer with a question.
	 */
	@GetMapping("/calls")
	String calls(@RequestParam(name = "refused", required = false) String refused,
			@RequestParam(name = "existing", required = false) String existing, Model model,
			Authentication authentication) {
		if (refused != null) {
			model.addAttribute("refusal", "talent.error." + Notices.code(refused));
		}
		Instant now = this.clock.instant();
		model.addAttribute("calls",
				talent().calls().stream().map(c -> CallCard.of(c, now, this.properties.zone())).toList());
		Map<String, List<Draft>> drafts = isApplicant(authentication) ? draftsByCall() : Map.of();
		model.addAttribute("drafts", drafts);
		model.addAttribute("existing", existing != null && drafts.containsKey(existing) ? existing : null);
		model.addAttribute("contact", this.contact);
		model.addAttribute("requiredDocuments", REQUIRED_DOCUMENTS);
		return "talent/calls";
	}

	/** The organisation's drafts by call; the calls are shown even when the drafts cannot be listed. */
	private Map<String, List<Draft>> draftsByCall() {
		Map<String, List<Draft>> drafts = new LinkedHashMap<>();
		List<ApplicationSummary> applications;
		try {
			applications = talent().applications();
		}
		catch (RuntimeException ex) {
			log.warn("Drafts could not be listed for the call page: {}", ex.toString());
			return drafts;
		}
		for (ApplicationSummary a : applications) {
			if (a.getStatus() == ApplicationStatus.APPLICATION_STATUS_DRAFT) {
				drafts.computeIfAbsent(a.getCallId(), k -> new ArrayList<>())
					.add(new Draft(a.getApplicationId(), a.getTitle(),
							ZonedDateTime.ofInstant(ProtoTimes.read(a.getUpdatedAt()).orElse(Instant.EPOCH),
									this.properties.zone())));
			}
		}
		return drafts;
	}

	/**
	 * Starts a draft. When the organisation already has one on the call, talent-service refuses and
	 * the call page offers that draft (and, on purpose, another one: {@code another=true}).
	 */
	@PostMapping("/calls/{callId}/applications")
	@PreAuthorize("hasRole('applicant')")
	String start(@PathVariable("callId") String callId,
			@RequestParam(name = "another", required = false) String another, Locale locale) {
		try {
			ApplicationDetail created = talent().create(callId,
					this.messages.getMessage("talent.application.untitled", null, locale), "true".equals(another));
			return "redirect:/talent/applications/" + created.getSummary().getApplicationId();
		}
		catch (Refused refused) {
			if ("application.draft-exists".equals(refused.code())) {
				return "redirect:/talent/calls?existing=" + Notices.id(callId) + "#call-" + Notices.id(callId);
			}
			return "redirect:/talent/calls?refused=" + Notices.code(refused.code());
		}
	}

	/** Deleting a draft is confirmed on a page of its own first (works without script). */
	@GetMapping("/applications/{id}/delete")
	@PreAuthorize("hasRole('applicant')")
	String confirmDelete(@PathVariable("id") String id, Model model) {
		ApplicationDetail detail = talent().application(id);
		if (detail.getSummary().getStatus() != ApplicationStatus.APPLICATION_STATUS_DRAFT) {
			return "redirect:/talent/applications/" + Notices.id(id);
		}
		model.addAttribute("detail", detail);
		model.addAttribute("updatedAt", ZonedDateTime.ofInstant(
				ProtoTimes.read(detail.getSummary().getUpdatedAt()).orElse(Instant.EPOCH), this.properties.zone()));
		return "talent/delete";
	}

	@PostMapping("/applications/{id}/delete")
	@PreAuthorize("hasRole('applicant')")
	String delete(@PathVariable("id") String id, Model model, Authentication authentication,
			HttpServletResponse response) {
		try {
			talent().deleteApplication(id);
			return "redirect:/applications?done=deleted";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			ApplicationDetail detail = talent().application(id);
			fill(model, detail, detail.getForm(), List.of(), authentication);
			model.addAttribute("refusal", "talent.error." + refused.code());
			return "talent/application";
		}
	}

	@GetMapping("/applications/{id}")
	String application(@PathVariable("id") String id, @RequestParam(name = "done", required = false) String done,
			Model model, Authentication authentication) {
		Notices.applicant(done).ifPresent(notice -> model.addAttribute("notice", notice));
		ApplicationDetail detail = talent().application(id);
		// after a failed POST (POST-redirect-GET): what was typed in the refused fields, and why
		FailedForm failed = FailedForm.from(model);
		ApplicationForm shown = failed == null ? detail.getForm()
				: FormParameters.toForm(FormParameters.overlay(detail.getForm(), failed.typed()));
		fill(model, detail, shown, failed == null ? List.of() : Problem.of(failed.violations()), authentication);
		return "talent/application";
	}

	/** Autosave (htmx, answers the feedback fragment) and the no-script Save button (whole page). */
	@PostMapping("/applications/{id}")
	@PreAuthorize("hasRole('applicant')")
	String save(@PathVariable("id") String id, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			Authentication authentication, HttpServletResponse response, RedirectAttributes redirect) {
		FormParameters.Sent sent = FormParameters.sent(params);
		ApplicationForm form = sent.form();
		try {
			SaveApplicationResponse answer = talent().save(id, form, version(params.getFirst("version")));
			// a partial save: the rest is stored, these fields kept their previous value (named by the page's rows)
			List<Rejected.Violation> refused = sent.onPage(answer.getFieldErrorsList()
				.stream()
				.map(e -> new Rejected.Violation(e.getField(), e.getCode()))
				.toList());
			List<Problem> notSaved = Problem.of(refused);
			if (htmx == null) {
				if (notSaved.isEmpty()) {
					return "redirect:/talent/applications/" + id + "?done=saved";
				}
				FailedForm.of(params, refused).flash(redirect);
				FailedPost.seeOther();
				return "redirect:/talent/applications/" + Notices.id(id);
			}
			// the page shows what was typed (the bad fields too, to be corrected), not what was stored
			fill(model, answer.getApplication(), form, notSaved, authentication);
			model.addAttribute("savedAt", this.clock.instant().atZone(this.properties.zone()));
			return htmx != null ? "talent/application :: feedback" : "talent/application";
		}
		catch (Rejected rejected) {
			List<Rejected.Violation> violations = sent.onPage(rejected.violations());
			if (htmx == null) {
				FailedForm.of(params, violations).flash(redirect);
				FailedPost.seeOther();
				return "redirect:/talent/applications/" + Notices.id(id);
			}
			fill(model, talent().application(id), form, Problem.of(violations), authentication);
			return "talent/application :: feedback";
		}
		catch (Refused refused) {
			// htmx swaps only 2xx answers (see the layout's htmx-config): the fragment must arrive
			response.setStatus(htmx != null ? HttpStatus.OK.value() : HttpStatus.CONFLICT.value());
			fill(model, talent().application(id), form, List.of(), authentication);
			model.addAttribute("refusal", "talent.error." + refused.code());
			// keep sending the version this page was built on, so later autosaves keep being refused
			// instead of overwriting the other change; a reload shows it
			model.addAttribute("formVersion", version(params.getFirst("version")));
			return htmx != null ? "talent/application :: feedback" : "talent/application";
		}
	}

	/** The version the page was rendered with; anything unreadable means "do not check". */
	static long version(String text) {
		try {
			return text == null ? 0 : Math.max(0, Long.parseLong(text.strip()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** Check your answers: everything entered, section by section, with the checklist; submitting starts here. */
	@GetMapping("/applications/{id}/review")
	@PreAuthorize("hasRole('applicant')")
	String review(@PathVariable("id") String id, Model model, Authentication authentication) {
		ApplicationDetail detail = talent().application(id);
		fill(model, detail, detail.getForm(), List.of(), authentication);
		if (!Boolean.TRUE.equals(model.getAttribute("editable"))) {
			return "redirect:/talent/applications/" + Notices.id(id);
		}
		return "talent/review";
	}

	/** Submits; the answer is the receipt (its own page, printable). */
	@PostMapping("/applications/{id}/submit")
	@PreAuthorize("hasRole('applicant')")
	String submit(@PathVariable("id") String id, Model model, Authentication authentication,
			HttpServletResponse response, RedirectAttributes redirect) {
		String page = act(id, "submitted", () -> talent().submit(id), model, authentication, response, redirect);
		return page.endsWith("?done=submitted") ? "redirect:/talent/applications/" + Notices.id(id) + "/receipt" : page;
	}

	/** The receipt of a submission: when, with which reference, what was sent. */
	@GetMapping("/applications/{id}/receipt")
	String receipt(@PathVariable("id") String id, Model model, Authentication authentication) {
		ApplicationDetail detail = talent().application(id);
		Instant submitted = ProtoTimes.read(detail.getSummary().getSubmittedAt()).orElse(null);
		if (submitted == null) {
			return "redirect:/talent/applications/" + Notices.id(id);
		}
		fill(model, detail, detail.getForm(), List.of(), authentication);
		ZonedDateTime at = submitted.atZone(this.properties.zone());
		model.addAttribute("submittedAt", at);
		model.addAttribute("reference", reference(detail.getSummary().getApplicationId(), at));
		return "talent/receipt";
	}

	/**
	 * The reference a receipt quotes: JM, the submission day in the bureau's zone and the first
	 * eight characters of the application id, e.g. {@code JM-20260415-7D1C2A8E}: readable on the
	 * phone, and enough for the bureau to find the application.
	 */
	static String reference(String applicationId, ZonedDateTime submittedAt) {
		String compact = applicationId.replace("-", "").toUpperCase(Locale.ROOT);
		return "JM-" + submittedAt.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")) + "-"
				+ compact.substring(0, Math.min(8, compact.length()));
	}

	@PostMapping("/applications/{id}/withdraw")
	@PreAuthorize("hasRole('applicant')")
	String withdraw(@PathVariable("id") String id, Model model, Authentication authentication,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, "withdrawn", () -> talent().withdraw(id), model, authentication, response, redirect);
	}

	/** Upload through htmx (the gateway needs the CSRF header for multipart); answers the attachments fragment. */
	@PostMapping(value = "/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('applicant')")
	String upload(@PathVariable("id") String id, @RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			Authentication authentication) throws IOException {
		List<Problem> problems = List.of();
		if (file == null || file.isEmpty()) {
			problems = List.of(Problem.of("file", "attachment.empty"));
		}
		else {
			try {
				talent().upload(id, kind, file.getOriginalFilename(), file.getBytes());
				model.addAttribute("uploaded", file.getOriginalFilename());
			}
			catch (Rejected rejected) {
				problems = Problem.of(rejected.violations());
			}
			catch (Refused refused) {
				model.addAttribute("uploadRefusal", "talent.error." + refused.code());
			}
		}
		ApplicationDetail detail = talent().application(id);
		fill(model, detail, detail.getForm(), List.of(), authentication);
		model.addAttribute("uploadProblems", problems);
		return "talent/application :: attachments";
	}

	/** Removes an uploaded document before submission (htmx asks first); answers the attachments fragment. */
	@PostMapping("/applications/{id}/attachments/{attachmentId}/delete")
	@PreAuthorize("hasRole('applicant')")
	String removeAttachment(@PathVariable("id") String id, @PathVariable("attachmentId") String attachmentId,
			Model model, Authentication authentication) {
		ApplicationDetail before = talent().application(id);
		String filename = before.getAttachmentsList()
			.stream()
			.filter(a -> a.getAttachmentId().equals(attachmentId))
			.map(a -> a.getFilename())
			.findFirst()
			.orElse("");
		try {
			talent().deleteAttachment(id, attachmentId);
			model.addAttribute("removed", filename);
		}
		catch (Refused refused) {
			model.addAttribute("uploadRefusal", "talent.error." + refused.code());
		}
		ApplicationDetail detail = talent().application(id);
		fill(model, detail, detail.getForm(), List.of(), authentication);
		return "talent/application :: attachments";
	}

	@GetMapping("/applications/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable("id") String id, @PathVariable("attachmentId") String attachmentId) {
		DownloadAttachmentResponse download = talent().download(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.getAttachment().getContentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(download.getAttachment().getFilename()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(download.getContent().toByteArray());
	}

	private String act(String id, String notice, Runnable action, Model model, Authentication authentication,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			action.run();
			return "redirect:/talent/applications/" + id + "?done=" + notice;
		}
		catch (Rejected rejected) {
			// POST-redirect-GET: the form page names what is missing; a reload does not submit again
			new FailedForm(Map.of(), rejected.violations()).flash(redirect);
			FailedPost.seeOther();
			return "redirect:/talent/applications/" + Notices.id(id);
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			ApplicationDetail detail = talent().application(id);
			fill(model, detail, detail.getForm(), List.of(), authentication);
			model.addAttribute("refusal", "talent.error." + refused.code());
			return "talent/application";
		}
	}

	private static boolean isApplicant(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.APPLICANT));
	}

	private void fill(Model model, ApplicationDetail detail, ApplicationForm form, List<Problem> problems,
			Authentication authentication) {
		String status = ProtoEnums.code(detail.getSummary().getStatus());
		boolean applicant = isApplicant(authentication);
		boolean editable = applicant && (detail.getSummary().getStatus() == ApplicationStatus.APPLICATION_STATUS_DRAFT
				|| detail.getSummary().getStatus() == ApplicationStatus.APPLICATION_STATUS_RETURNED);
		Instant now = this.clock.instant();
		CallCard call = talent().findCall(detail.getSummary().getCallId())
			.map(c -> CallCard.of(c, now, this.properties.zone()))
			.orElse(null);
		List<TeamMemberForm> rows = new ArrayList<>(form.getTeamList());
		if (editable) {
			// as many rows as the rule needs (the chosen category's, else the largest of the call's), and two to spare
			int needed = call == null ? 0
					: call.rulesFor(ProtoEnums.code(form.getCategory()))
						.map(CallCard.Rules::minTeamSize)
						.orElse(call.largestMinTeamSize());
			int total = Math.min(MAX_ROWS, Math.max(rows.size() + BLANK_ROWS, needed));
			while (rows.size() < total) {
				rows.add(TeamMemberForm.getDefaultInstance());
			}
		}
		model.addAttribute("detail", detail);
		model.addAttribute("form", form);
		model.addAttribute("host", hostView(form, editable, authentication));
		model.addAttribute("rows", rows);
		model.addAttribute("status", status);
		model.addAttribute("call", call);
		model.addAttribute("editable", editable);
		model.addAttribute("canDelete",
				applicant && detail.getSummary().getStatus() == ApplicationStatus.APPLICATION_STATUS_DRAFT);
		model.addAttribute("canWithdraw",
				applicant && detail.getSummary().getStatus() == ApplicationStatus.APPLICATION_STATUS_SUBMITTED);
		model.addAttribute("problems", problems);
		model.addAttribute("errors", FieldErrors.of("talent",
				problems.stream().map(p -> new Rejected.Violation(p.field(), p.code())).toList(),
				TalentPagesController::inputId));
		model.addAttribute("yesNo", List.of("true", "false"));
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("findings", EligibilityNotes.of(detail.getFindingsList(), call, detail.getForm(),
				(key, fallback) -> this.messages.getMessage(key, null, fallback, locale)));
		model.addAttribute("rules", call == null ? null : call.rulesFor(ProtoEnums.code(form.getCategory())).orElse(null));
		model.addAttribute("categories", call == null || call.categories().isEmpty() ? CATEGORIES : call.categories());
		model.addAttribute("fields", call == null ? List.of() : call.priorityFields());
		model.addAttribute("kinds", KINDS);
		model.addAttribute("roles", ROLES);
		model.addAttribute("titles", TITLES);
		model.addAttribute("degrees", DEGREES);
		model.addAttribute("attachmentKinds", ATTACHMENT_KINDS);
		model.addAttribute("zone", this.properties.zone());
		model.addAttribute("checklist", Checklist.of(detail));
		model.addAttribute("contact", this.contact);
		model.addAttribute("requiredDocuments", REQUIRED_DOCUMENTS);
		if (!model.containsAttribute("uploadProblems")) {
			model.addAttribute("uploadProblems", List.of());
		}
	}

	/**
	 * The id of the control (or section) a field of talent-service's belongs to: {@code team[2].birthDate}
	 * is {@code team-2-birthDate}; the host section keeps its own ids.
	 */
	static String inputId(String field) {
		return switch (field) {
			case "host.name" -> "host-name";
			case "host.creditCode" -> "host-credit-code";
			case "host.kind" -> "host-kind";
			case "team" -> "section-team";
			default -> field.startsWith("attachments") ? "attachments"
					: field.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("^-|-$", "");
		};
	}

	private HostView hostView(ApplicationForm form, boolean editable, Authentication authentication) {
		if (editable) {
			OrganisationDirectory organisations = this.directory.getIfAvailable();
			if (organisations != null) {
				var entry = CurrentUser.from(authentication).organisationId().flatMap(organisations::find);
				if (entry.isPresent()) {
					return HostView.of(entry.get());
				}
			}
		}
		return HostView.of(form);
	}

	/** Looked up per request, so that web slices without talent pages need no talent client. */
	private TalentPortalClient talent() {
		return this.client.getObject();
	}

}
