package cn.jiangmen.innovation.benchmarks;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/**
 * The load phases of one run, against the suite of {@code ./suite up}: reads, submissions at
 * rising concurrency (gateway and direct side by side), gRPC unary latency, portal pages with
 * signed-in people. Writes {@code load.json} into the report directory; {@link Report} then puts it
 * beside the script's other figures. Every phase is bounded by a count and a time.
 */
final class LoadRun {

	/** 江门市光电科技有限公司, the first demo organisation: the load's applicants belong to it. */
	static final String ORGANISATION_ID = "7d1c2a8e-0000-4000-8000-000000000001";

	static final String ORGANISATION_NAME = "江门市光电科技有限公司";

	/** talent-service's demo calls (DemoData): open for 30 days after seeding, and the ranked closed one. */
	static final String OPEN_CALL = "3a1e7a1e-0000-4000-8000-000000000001";

	static final String CLOSED_CALL = "3a1e7a1e-0000-4000-8000-000000000002";

	/** A warm-up is bounded by its time; this only sizes its (unused) latency array. */
	private static final int WARM_OPERATIONS = 1_000_000;

	private final Settings settings;

	private final KeycloakAdmin keycloak;

	private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);

	private final List<String> users = new ArrayList<>();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private final Map<String, Object> out = new LinkedHashMap<>();

	LoadRun(Settings settings) {
		this.settings = settings;
		this.keycloak = new KeycloakAdmin(settings.keycloak, "jiangmen", settings.keycloakAdmin,
				settings.keycloakAdminPassword);
	}

	record Settings(String gateway, String talent, String keycloak, String keycloakAdmin, String keycloakAdminPassword,
			String projectGrpc, String talentGrpc, List<Integer> levels, int users, double readSeconds,
			int readConcurrency, int portalUsers, double portalSeconds, int grpcCalls, double p99GoalMs, double warmSeconds,
			List<String> phases, ProcessCpu cpu, Path dir) {

		static Settings from(Map<String, String> a, Path dir) {
			List<Integer> levels = new ArrayList<>();
			for (String level : a.getOrDefault("levels", "4,8,16,32,64").split(",")) {
				levels.add(Integer.parseInt(level.trim()));
			}
			return new Settings(a.getOrDefault("gateway", "http://localhost:8080"),
					a.getOrDefault("talent", "http://localhost:8081"), a.getOrDefault("keycloak", "http://localhost:8180"),
					a.getOrDefault("keycloak-admin", "admin"), a.getOrDefault("keycloak-admin-password", "admin"),
					a.getOrDefault("project-grpc", "localhost:9093"), a.getOrDefault("talent-grpc", "localhost:9091"),
					levels, Integer.parseInt(a.getOrDefault("users", "40")),
					Double.parseDouble(a.getOrDefault("read-seconds", "10")),
					Integer.parseInt(a.getOrDefault("read-concurrency", "16")),
					Integer.parseInt(a.getOrDefault("portal-users", "50")),
					Double.parseDouble(a.getOrDefault("portal-seconds", "20")),
					Integer.parseInt(a.getOrDefault("grpc-calls", "3000")),
					Double.parseDouble(a.getOrDefault("p99-goal-ms", "250")),
					Double.parseDouble(a.getOrDefault("warm-seconds", "20")),
					List.of(a.getOrDefault("phases", "reads,submissions,grpc,portal").split(",")),
					ProcessCpu.of(a.getOrDefault("pids", "")), dir);
		}

		Map<String, Object> toMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("gateway", this.gateway);
			m.put("talent", this.talent);
			m.put("keycloak", this.keycloak);
			m.put("projectGrpc", this.projectGrpc);
			m.put("talentGrpc", this.talentGrpc);
			m.put("submissionLevels", this.levels);
			m.put("loadUsers", this.users);
			m.put("readSeconds", this.readSeconds);
			m.put("readConcurrency", this.readConcurrency);
			m.put("portalUsers", this.portalUsers);
			m.put("portalSeconds", this.portalSeconds);
			m.put("grpcCalls", this.grpcCalls);
			m.put("p99GoalMs", this.p99GoalMs);
			m.put("warmSeconds", this.warmSeconds);
			m.put("phases", this.phases);
			m.put("loadGenerator", "closed loop, java.net.http.HttpClient (HTTP/1.1 keep-alive), one thread per client");
			return m;
		}

	}

	void run() throws Exception {
		for (String url : List.of(this.settings.gateway, this.settings.talent, this.settings.keycloak,
				"http://" + this.settings.projectGrpc, "http://" + this.settings.talentGrpc)) {
			String host = URI.create(url).getHost();
			if (!InetAddress.getByName(host).isLoopbackAddress()) {
				throw new IllegalArgumentException("only loopback targets: " + url);
			}
		}
		this.out.put("runId", this.runId);
		this.out.put("settings", this.settings.toMap());
		setUpUsers();
		// --phases portal (say) measures one path again after a change, without the whole run
		if (this.settings.phases.contains("reads")) {
			reads();
		}
		if (this.settings.phases.contains("submissions")) {
			submissions();
		}
		if (this.settings.phases.contains("grpc")) {
			grpc();
		}
		if (this.settings.phases.contains("portal")) {
			portal();
		}
		Files.writeString(this.settings.dir.resolve("load.json"),
				Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this.out), StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------------------------ users

	private void setUpUsers() throws InterruptedException {
		log("users: client %s and %d applicants of %s in Keycloak", KeycloakAdmin.CLIENT, this.settings.users,
				ORGANISATION_NAME);
		this.keycloak.ensureClient();
		long t0 = System.nanoTime();
		for (int i = 1; i <= this.settings.users; i++) {
			this.users.add("bench-applicant-%03d".formatted(i));
		}
		Stats made = Load.run("users", 4, this.users.size(), 600, (thread, i) -> {
			String user = this.keycloak.ensureUser(this.users.get(i), "applicant", ORGANISATION_ID);
			this.tokens.put(user, this.keycloak.token(user));
			return "200";
		});
		for (int i = 1; i <= 5; i++) {
			this.keycloak.ensureUser("bench-manager-%02d".formatted(i), "program-manager", null);
		}
		log("  %d users with tokens in %.1f s (%s)", this.tokens.size(), (System.nanoTime() - t0) / 1e9, made.outcomes());
		if (this.tokens.size() < this.users.size()) {
			throw new IllegalStateException("could not make every load user: " + made.outcomes());
		}
	}

	private String tokenOf(int index) {
		return this.tokens.get(this.users.get(index % this.users.size()));
	}

	// ------------------------------------------------------------------------------------ reads

	private void reads() throws InterruptedException {
		Map<String, String> paths = new LinkedHashMap<>();
		paths.put("calls", "/api/talent/calls");
		paths.put("myApplications", "/api/talent/applications?pageSize=20");
		int c = this.settings.readConcurrency;
		Map<String, Object> reads = new LinkedHashMap<>();
		for (Map.Entry<String, String> path : paths.entrySet()) {
			// warm both paths (class loading, JIT, pools) for a while, unmeasured: on two cores a restarted
			// gateway still spent 8.5 ms of CPU per proxied read in its first 10 s of load, 2.8 ms after 40 s
			// and 0.9 ms after some minutes (JIT; wrk, 2026-12-06); a deadline-day surge meets a warm suite
			for (String base : List.of(this.settings.gateway, this.settings.talent)) {
				Load.run("warm", c, WARM_OPERATIONS, this.settings.warmSeconds,
						(t, i) -> status(Http.get(base + path.getValue(), tokenOf(i))));
			}
			ProcessCpu.Phase viaGateway = this.settings.cpu.measure(() -> Load.run("gateway", c, 10_000_000,
					this.settings.readSeconds, (t, i) -> status(Http.get(this.settings.gateway + path.getValue(), tokenOf(i)))));
			ProcessCpu.Phase viaDirect = this.settings.cpu.measure(() -> Load.run("direct", c, 10_000_000,
					this.settings.readSeconds, (t, i) -> status(Http.get(this.settings.talent + path.getValue(), tokenOf(i)))));
			Stats gateway = viaGateway.stats();
			Stats direct = viaDirect.stats();
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("path", path.getValue());
			m.put("gateway", viaGateway.toMap());
			m.put("direct", viaDirect.toMap());
			m.put("throughputRatio", Stats.round(gateway.throughput() / direct.throughput(), 3));
			reads.put(path.getKey(), m);
			log("reads %s at %d clients: gateway %.0f/s p99 %.1f ms, direct %.0f/s p99 %.1f ms, ratio %.2f",
					path.getKey(), c, gateway.throughput(), gateway.percentileMs(99), direct.throughput(),
					direct.percentileMs(99), gateway.throughput() / direct.throughput());
		}
		this.out.put("reads", reads);
	}

	// ------------------------------------------------------------------------------ submissions

	/** An application ready to submit: complete form, the three required documents; and its owner. */
	private record Ready(String id, int user) {
	}

	private void submissions() throws InterruptedException {
		List<Map<String, Object>> gatewayLevels = new ArrayList<>();
		List<Map<String, Object>> directLevels = new ArrayList<>();
		List<Stats> gatewayStats = new ArrayList<>();
		List<Stats> directStats = new ArrayList<>();
		long acknowledged = 0;
		String stoppedBecause = "all levels run";
		for (int level : this.settings.levels) {
			int count = Math.max(40, level * 4);
			List<Ready> ready = prepare(2 * count, level);
			if (ready.size() < 2 * count) {
				stoppedBecause = "could prepare only " + ready.size() + " of " + 2 * count + " applications at " + level;
				break;
			}
			List<Ready> viaGateway = ready.subList(0, count);
			List<Ready> viaDirect = ready.subList(count, 2 * count);
			ProcessCpu.Phase gatewayPhase = this.settings.cpu.measure(
					() -> Load.run("gateway", level, count, 120, (t, i) -> submit(this.settings.gateway, viaGateway.get(i))));
			ProcessCpu.Phase directPhase = this.settings.cpu.measure(
					() -> Load.run("direct", level, count, 120, (t, i) -> submit(this.settings.talent, viaDirect.get(i))));
			Stats gateway = gatewayPhase.stats();
			Stats direct = directPhase.stats();
			acknowledged += gateway.ok() + direct.ok();
			gatewayStats.add(gateway);
			directStats.add(direct);
			gatewayLevels.add(gatewayPhase.toMap());
			directLevels.add(directPhase.toMap());
			log("submissions at %d clients: gateway %.0f/s p99 %.1f ms (%s), direct %.0f/s p99 %.1f ms (%s)", level,
					gateway.throughput(), gateway.percentileMs(99), gateway.outcomes(), direct.throughput(),
					direct.percentileMs(99), direct.outcomes());
			// at least three levels for a curve; then stop once both paths are past the goal
			if (gatewayStats.size() >= 3 && gateway.percentileMs(99) > this.settings.p99GoalMs
					&& direct.percentileMs(99) > this.settings.p99GoalMs) {
				stoppedBecause = "p99 passed " + this.settings.p99GoalMs + " ms on both paths at " + level + " clients";
				break;
			}
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("operation", "POST /api/talent/applications/{id}/submit of a complete draft with its documents,"
				+ " one application per operation, users round-robin");
		m.put("gateway", gatewayLevels);
		m.put("direct", directLevels);
		m.put("stoppedBecause", stoppedBecause);
		m.put("acknowledged", acknowledged);
		m.put("titlePrefix", titlePrefix());
		this.out.put("submissions", m);
		try {
			Files.writeString(this.settings.dir.resolve("chart.svg"),
					Chart.submissions(gatewayStats, directStats, this.settings.p99GoalMs), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String titlePrefix() {
		return "压测 bench " + this.runId;
	}

	/** Drafts made directly at talent-service (not measured): create with the whole form, three uploads. */
	private List<Ready> prepare(int count, int level) throws InterruptedException {
		List<Ready> ready = Collections.synchronizedList(new ArrayList<>());
		long t0 = System.nanoTime();
		Stats made = Load.run("prepare", 6, count, 900, (t, i) -> {
			int user = (i * 7 + level) % this.users.size();
			String token = tokenOf(user);
			HttpResponse<String> created = Http.postJson(this.settings.talent + "/api/talent/applications", token,
					form(level, i));
			if (created.statusCode() != 201 && created.statusCode() != 200) {
				return "create-" + created.statusCode() + " " + Http.abbreviate(created.body()).substring(0,
						Math.min(120, Http.abbreviate(created.body()).length()));
			}
			String id = Http.json(created).get("id").asString();
			for (String kind : List.of("PROPOSAL", "CV", "CONTRACT")) {
				HttpResponse<String> up = Http.upload(this.settings.talent + "/api/talent/applications/" + id + "/attachments",
						token, kind, kind.toLowerCase() + ".pdf", pdf());
				if (up.statusCode() / 100 != 2) {
					return "upload-" + up.statusCode();
				}
			}
			ready.add(new Ready(id, user));
			return "200";
		});
		log("  prepared %d applications in %.1f s (%s)", ready.size(), (System.nanoTime() - t0) / 1e9, made.outcomes());
		List<Ready> sorted = new ArrayList<>(ready);
		Collections.shuffle(sorted, new java.util.Random(level));
		return sorted;
	}

	private Map<String, Object> form(int level, int i) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("callId", OPEN_CALL);
		form.put("title", titlePrefix() + " c" + level + " #" + i);
		form.put("category", "TEAM_RND_INDUSTRIALISATION");
		form.put("priorityField", "visible-light-communication");
		form.put("summary", "面向工厂的LED可见光通信（负载测试）");
		form.put("host", Map.of("name", ORGANISATION_NAME, "creditCode", "91440703MA4UJ8K2XW", "kind", "ENTERPRISE"));
		// the demo call's team rules: at least five people, a professor leading, full time
		form.put("team", List.of(member("李明", "LEADER", "PROFESSOR", "1980-05-31"),
				member("张华", "CORE_MEMBER", "ENGINEER", "1990-03-01"), member("王芳", "CORE_MEMBER", "ENGINEER", "1988-07-12"),
				member("刘洋", "MEMBER", "ENGINEER", "1992-11-23"), member("陈磊", "MEMBER", "ENGINEER", "1994-02-08")));
		form.put("anotherDraft", true);
		return form;
	}

	private static Map<String, Object> member(String name, String role, String title, String birth) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", name);
		m.put("role", role);
		m.put("title", title);
		m.put("degree", "DOCTORATE");
		m.put("birthDate", birth);
		m.put("nationality", "CN");
		m.put("employer", ORGANISATION_NAME);
		m.put("fullTime", true);
		return m;
	}

	private static byte[] pdf() {
		return "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	private String submit(String base, Ready ready) {
		HttpResponse<String> r = Http.postJson(base + "/api/talent/applications/" + ready.id() + "/submit",
				tokenOf(ready.user()), null);
		return status(r);
	}

	private static String status(HttpResponse<String> r) {
		return Integer.toString(r.statusCode());
	}

	// ------------------------------------------------------------------------------------- gRPC

	private void grpc() throws InterruptedException {
		String serviceToken = this.keycloak.serviceToken("jiangmen-services", "services-dev-secret");
		Map<String, Object> m = new LinkedHashMap<>();
		ManagedChannel project = NettyChannelBuilder.forTarget(this.settings.projectGrpc).usePlaintext().build();
		ManagedChannel talent = NettyChannelBuilder.forTarget(this.settings.talentGrpc).usePlaintext().build();
		try {
			ProjectServiceGrpc.ProjectServiceBlockingStub projectStub = withToken(
					ProjectServiceGrpc.newBlockingStub(project), serviceToken);
			TalentServiceGrpc.TalentServiceBlockingStub talentStub = withToken(TalentServiceGrpc.newBlockingStub(talent),
					tokenOf(0));
			m.put("project.ListPriorityFields (service token)", unary("project", () -> projectStub
				.withDeadlineAfter(5, TimeUnit.SECONDS)
				.listPriorityFields(ListPriorityFieldsRequest.newBuilder().setPageSize(50).build())));
			m.put("talent.ListCalls (applicant token)", unary("talent", () -> talentStub
				.withDeadlineAfter(5, TimeUnit.SECONDS)
				.listCalls(ListCallsRequest.newBuilder().setPageSize(20).build())));
		}
		finally {
			project.shutdownNow();
			talent.shutdownNow();
		}
		this.out.put("grpc", m);
	}

	private Map<String, Object> unary(String name, Runnable call) throws InterruptedException {
		Load.run("warm", 1, Math.max(200, this.settings.grpcCalls / 5), 30, (t, i) -> {
			call.run();
			return "200";
		});
		Stats one = Load.run(name, 1, this.settings.grpcCalls, 60, (t, i) -> {
			call.run();
			return "200";
		});
		Stats four = Load.run(name, 4, this.settings.grpcCalls, 60, (t, i) -> {
			call.run();
			return "200";
		});
		log("gRPC %s: 1 caller p50 %.2f ms p99 %.2f ms; 4 callers p50 %.2f ms p99 %.2f ms, %.0f/s", name,
				one.percentileMs(50), one.percentileMs(99), four.percentileMs(50), four.percentileMs(99), four.throughput());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("oneCaller", one.toMap());
		m.put("fourCallers", four.toMap());
		return m;
	}

	private static <S extends AbstractStub<S>> S withToken(S stub, String token) {
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
		return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	// ----------------------------------------------------------------------------------- portal

	private static final Pattern ASSIGNMENT = Pattern.compile("/review/assignments/([0-9a-f-]{36})");

	private void portal() throws InterruptedException {
		int total = this.settings.portalUsers;
		int experts = Math.min(5, Math.max(1, total / 10));
		int managers = Math.min(5, Math.max(1, total / 10));
		int applicants = total - experts - managers;
		List<String> who = new ArrayList<>();
		for (int i = 0; i < applicants; i++) {
			who.add(this.users.get(i % this.users.size()));
		}
		for (int i = 1; i <= experts; i++) {
			who.add("expert" + i);
		}
		for (int i = 1; i <= managers; i++) {
			who.add("bench-manager-%02d".formatted(i));
		}
		// one draft the applicants' form page shows (their organisation's)
		HttpResponse<String> draft = Http.expect(Http.postJson(this.settings.talent + "/api/talent/applications",
				tokenOf(0), form(0, -1)), 200, 201);
		String draftId = Http.json(draft).get("id").asString();
		PortalUser[] people = new PortalUser[who.size()];
		List<List<String>> pages = new ArrayList<>();
		for (int i = 0; i < who.size(); i++) {
			pages.add(null);
		}
		long t0 = System.nanoTime();
		Stats signIns = Load.run("sign-in", 6, who.size(), 600, (t, i) -> {
			String username = who.get(i);
			PortalUser person = PortalUser.signedIn(this.settings.gateway, username,
					username.startsWith("bench-") ? KeycloakAdmin.PASSWORD : "demo");
			people[i] = person;
			List<String> mine = new ArrayList<>();
			mine.add("/");
			if (username.startsWith("bench-applicant")) {
				mine.add("/talent/applications/" + draftId);
			}
			else if (username.startsWith("expert")) {
				HttpResponse<String> list = person.page("/review/assignments");
				Matcher found = ASSIGNMENT.matcher(list.body());
				mine.add(found.find() ? "/review/assignments/" + found.group(1) : "/review/assignments");
			}
			else {
				mine.add("/talent/manage/calls/" + CLOSED_CALL + "/ranking");
			}
			pages.set(i, mine);
			for (String page : mine) { // each person once over their pages: sessions made, not measured
				person.page(page);
			}
			return "200";
		});
		log("portal: %d people signed in through the gateway in %.1f s (%s)", (int) signIns.ok(),
				(System.nanoTime() - t0) / 1e9, signIns.outcomes());
		Load.run("warm", who.size(), WARM_OPERATIONS, this.settings.warmSeconds, (t, i) -> {
			PortalUser person = people[t];
			List<String> mine = pages.get(t);
			return person == null ? "not-signed-in" : status(person.page(mine.get(i % mine.size())));
		});
		Map<String, ConcurrentLinkedQueue<Long>> byPage = new ConcurrentHashMap<>();
		Map<String, Map<String, Long>> outcomesByPage = new ConcurrentHashMap<>();
		int[] step = new int[who.size()];
		ProcessCpu.Phase portal = this.settings.cpu.measure(() -> Load.run("portal", who.size(), 10_000_000, this.settings.portalSeconds, (t, i) -> {
			PortalUser person = people[t];
			if (person == null) {
				Thread.sleep(100);
				return "not-signed-in";
			}
			List<String> mine = pages.get(t);
			String page = mine.get(step[t]++ % mine.size());
			String kind = kind(page);
			long begin = System.nanoTime();
			HttpResponse<String> r = person.page(page);
			long took = System.nanoTime() - begin;
			String outcome = Integer.toString(r.statusCode());
			outcomesByPage.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(outcome, 1L, Long::sum);
			if (r.statusCode() == 200) {
				byPage.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(took);
			}
			return outcome;
		}));
		Stats all = portal.stats();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("people", Map.of("applicants", applicants, "experts", experts, "managers", managers));
		m.put("all", portal.toMap());
		Map<String, Object> perPage = new LinkedHashMap<>();
		for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new java.util.TreeMap<>(byPage).entrySet()) {
			long[] nanos = e.getValue().stream().mapToLong(Long::longValue).toArray();
			Stats s = Stats.of(e.getKey(), who.size(), nanos, nanos.length, 0, all.seconds(),
					outcomesByPage.getOrDefault(e.getKey(), Map.of()));
			perPage.put(e.getKey(), s.toMap());
		}
		m.put("pages", perPage);
		this.out.put("portal", m);
		log("portal at %d people: %.0f pages/s, p95 %.1f ms (%s)", who.size(), all.throughput(), all.percentileMs(95),
				all.outcomes());
	}

	private static String kind(String page) {
		if (page.equals("/")) {
			return "home";
		}
		if (page.startsWith("/talent/applications/")) {
			return "application form";
		}
		if (page.startsWith("/review/assignments")) {
			return "expert sheet";
		}
		return "manager ranking";
	}

	static void log(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

}
