package cn.jiangmen.innovation.funding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import cn.jiangmen.innovation.testsupport.TestInfrastructure;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the instrument ITs share: the realm's organisations they use (the directory is the realm's
 * Keycloak Organizations, read by platform's adapter as in production), the platform's Clock bean
 * replaced by one a test may stop, and REST calls with a real Keycloak token and an Idempotency-Key.
 */
final class InstrumentTestSupport {

	/** 江门市光电科技有限公司, applicant1's organisation (an enterprise). */
	static final UUID ENTERPRISE = UUID.fromString(FundingServiceIT.ORG_1);

	/** 五邑大学, applicant2's organisation (a university). */
	static final UUID UNIVERSITY = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	/** 江门市科技创新服务中心, a service agency of the realm with no applicant of its own. */
	static final UUID AGENCY = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000009");

	/** 江门市智能机器人有限公司, an enterprise of the realm that no other IT issues vouchers to. */
	static final UUID OTHER_ENTERPRISE = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000007");

	private InstrumentTestSupport() {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		/** Replaces the platform's Clock (it is conditional on a missing Clock bean). */
		@Bean
		SettableTestClock clock() {
			return new SettableTestClock();
		}

	}

	/** The system clock until a test stops it somewhere; {@link #reset()} after each test. */
	static final class SettableTestClock extends Clock {

		private volatile Instant stopped;

		static SettableTestClock stoppedAt(Instant instant) {
			SettableTestClock clock = new SettableTestClock();
			clock.set(instant);
			return clock;
		}

		void set(Instant instant) {
			this.stopped = instant;
		}

		void reset() {
			this.stopped = null;
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
			Instant at = this.stopped;
			return at != null ? at : Instant.now();
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
