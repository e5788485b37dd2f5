package cn.jiangmen.innovation.funding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the instrument ITs share: a test-scope organisation directory (the Keycloak-backed adapter is
 * another engineer's; this one holds the realm's two applicant organisations and whatever a test
 * adds), the platform's Clock bean replaced by a fixed clock the test sets, and REST calls with a
 * real Keycloak token and an Idempotency-Key.
 */
final class InstrumentTestSupport {

	static final UUID ENTERPRISE = UUID.fromString(FundingServiceIT.ORG_1);

	static final UUID UNIVERSITY = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	static final UUID AGENCY = UUID.fromString("7d1c2a8e-0000-4000-8000-0000000000a1");

	private InstrumentTestSupport() {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		InMemoryOrganisationDirectoryForTests organisationDirectory() {
			return new InMemoryOrganisationDirectoryForTests();
		}

		/** Replaces the platform's Clock (it is conditional on a missing Clock bean). */
		@Bean
		FixedTestClock clock() {
			return new FixedTestClock(Instant.parse("2026-06-01T02:00:00Z"));
		}

	}

	/** Test scope only: the directory as a map, seeded with the realm's applicant organisations. */
	static final class InMemoryOrganisationDirectoryForTests implements OrganisationDirectory {

		private final Map<UUID, Organisation> entries = new ConcurrentHashMap<>();

		InMemoryOrganisationDirectoryForTests() {
			add(new Organisation(ENTERPRISE, "江门市光电科技有限公司", "91440700MA4UQ1XX1A", OrganisationKind.ENTERPRISE, "江门"));
			add(new Organisation(UNIVERSITY, "五邑大学", "12440000455870510X", OrganisationKind.UNIVERSITY, "江门"));
			add(new Organisation(AGENCY, "江门市科技服务中心", "", OrganisationKind.SERVICE_AGENCY, "江门"));
		}

		void add(Organisation organisation) {
			this.entries.put(organisation.id(), organisation);
		}

		UUID newEnterprise() {
			UUID id = UUID.randomUUID();
			add(new Organisation(id, "测试企业 " + id.toString().substring(0, 8), "", OrganisationKind.ENTERPRISE, "江门"));
			return id;
		}

		@Override
		public Optional<Organisation> find(UUID id) {
			return Optional.ofNullable(this.entries.get(id));
		}

		@Override
		public Map<UUID, Organisation> findAll(Collection<UUID> ids) {
			Map<UUID, Organisation> found = new java.util.HashMap<>();
			ids.forEach(id -> find(id).ifPresent(o -> found.put(id, o)));
			return found;
		}

		@Override
		public List<Organisation> search(String fragment, int limit) {
			return this.entries.values()
				.stream()
				.filter(o -> o.name().toLowerCase().contains(fragment.toLowerCase()))
				.limit(limit)
				.toList();
		}

	}

	/** A clock that stands still where the test puts it. */
	static final class FixedTestClock extends Clock {

		private volatile Instant now;

		FixedTestClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	static HttpResponse<String> send(int port, String method, String path, String user, String key, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + TestInfrastructure.get().tokens().accessToken(user))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
