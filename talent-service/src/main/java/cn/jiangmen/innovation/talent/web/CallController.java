package cn.jiangmen.innovation.talent.web;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.jiangmen.innovation.platform.web.ContentDispositions;
import cn.jiangmen.innovation.platform.export.Xlsx;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.application.CallCatalogue;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.EligibilityRules;
import cn.jiangmen.innovation.talent.domain.ProfessionalTitle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/talent/calls")
@Tag(name = "Calls", description = "Talent calls (rounds): categories, eligibility rules, deadlines, rankings")
class CallController {

	private final CallCatalogue catalogue;

	private final ApplicationQueries applications;

	private final Clock clock;

	CallController(CallCatalogue catalogue, ApplicationQueries applications, Clock clock) {
		this.catalogue = catalogue;
		this.applications = applications;
		this.clock = clock;
	}

	@GetMapping
	@Operation(operationId = "listCalls", summary = "Calls the caller may see (open ones; managers and auditors also drafts)")
	List<CallView> list() {
		Instant now = this.clock.instant();
		return this.catalogue.visibleTo(Callers.current()).stream().map(call -> CallView.of(call, now)).toList();
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getCall", summary = "One call with its categories and eligibility rules")
	CallView get(@PathVariable("id") String id) {
		return CallView.of(this.catalogue.get(CallId.parse(id, "id"), Callers.current()), this.clock.instant());
	}

	@PostMapping
	@Operation(operationId = "createCall", summary = "Create a call as a draft (program managers)")
	ResponseEntity<CallView> create(@Valid @RequestBody CallRequest request) {
		CallView created = CallView.of(this.catalogue.create(Callers.current(), request.title(),
				categories(request.categories()), request.priorityFields(), request.opensAt(), request.closesAt()),
				this.clock.instant());
		return ResponseEntity.created(URI.create("/api/talent/calls/" + created.id())).body(created);
	}

	@PostMapping("/{id}/open")
	@Operation(summary = "Open a draft call for applications (program managers)")
	CallView open(@PathVariable("id") String id) {
		return CallView.of(this.catalogue.open(Callers.current(), CallId.parse(id, "id")), this.clock.instant());
	}

	@GetMapping("/{id}/formal-check")
	@Operation(summary = "Submitted applications waiting for the formal check (managers, auditors)")
	List<ApplicationView> formalCheck(@PathVariable("id") String id) {
		return this.applications.awaitingFormalCheck(CallId.parse(id, "id"), Callers.current())
			.stream()
			.map(ApplicationView::of)
			.toList();
	}

	@GetMapping("/{id}/ranking")
	@Operation(summary = "Ranked, recommended and decided applications, best first (managers, auditors)")
	List<RankingRow> ranking(@PathVariable("id") String id) {
		return this.applications.rankingOf(CallId.parse(id, "id"), Callers.current())
			.stream()
			.map(RankingRow::of)
			.toList();
	}

	@GetMapping(value = "/{id}/ranking.csv", produces = "text/csv")
	@Operation(summary = "The ranking / recommendation list as CSV (UTF-8 with BOM)")
	ResponseEntity<byte[]> rankingCsv(@PathVariable("id") String id) {
		String csv = Csv.of(RANKING_HEADER, rankingRows(id));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("ranking-" + id + ".csv", StandardCharsets.UTF_8).build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(value = "/{id}/ranking.xlsx",
			produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	@Operation(summary = "The ranking / recommendation list as an Excel workbook (managers, auditors)",
			description = "Same columns as the CSV; rank and score are numeric cells, text is never a formula.")
	ResponseEntity<byte[]> rankingXlsx(@PathVariable("id") String id) {
		byte[] workbook = Xlsx.of("ranking", RANKING_HEADER, rankingRows(id));
		return ResponseEntity.ok()
			.contentType(Xlsx.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment("ranking-" + id + ".xlsx"))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(workbook);
	}

	/** Export columns: machine-readable names, as the REST API's other answers use. */
	static final List<String> RANKING_HEADER = List.of("rank", "application_id", "title", "category", "host",
			"credit_code", "leader", "score", "passed_thresholds", "status");

	/** The ranking as export rows (access checked by the query); the score as a two-decimal number. */
	private List<List<Object>> rankingRows(String id) {
		List<List<Object>> rows = new ArrayList<>();
		for (RankingRow row : ranking(id)) {
			rows.add(Arrays.asList(row.rank(), row.applicationId() == null ? null : row.applicationId().toString(),
					row.title(), row.category(), row.hostName(), row.creditCode(), row.leader(),
					row.scoreHundredths() == null ? null : BigDecimal.valueOf(row.scoreHundredths(), 2),
					row.passedThresholds(), row.status()));
		}
		return rows;
	}

	static Map<Category, EligibilityRules> categories(Map<String, CallRequest.Rules> input) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<Category, EligibilityRules> categories = new EnumMap<>(Category.class);
		input.forEach((name, rules) -> {
			Category category;
			try {
				category = Category.valueOf(name.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation("categories[" + name + "]", "code.unknown", "is not a category"));
				return;
			}
			Set<ProfessionalTitle> titles = EnumSet.noneOf(ProfessionalTitle.class);
			for (String title : rules.requiredLeaderTitles() == null ? Set.<String>of() : rules.requiredLeaderTitles()) {
				try {
					titles.add(ProfessionalTitle.valueOf(title.toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException | NullPointerException ex) {
					violations.add(new FieldViolation("categories[" + name + "].requiredLeaderTitles", "code.unknown",
							"is not a professional title: " + title));
				}
			}
			categories.put(category, new EligibilityRules(rules.maxLeaderAge(), rules.minTeamSize(), titles,
					rules.leaderFullTime(), rules.fieldMustBeInCall()));
		});
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return categories;
	}

}
