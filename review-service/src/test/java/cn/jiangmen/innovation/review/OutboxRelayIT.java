package cn.jiangmen.innovation.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.platform.outbox.OutboxRelay;
import cn.jiangmen.innovation.platform.outbox.Outbox;
import cn.jiangmen.innovation.platform.outbox.OutboxMessage;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox relay against real PostgreSQL and Keycloak, calling a stand-in talent-service over
 * real gRPC: a failed call leaves the row unsent with its error and a later retry time, the retry
 * delivers every field with the service account's token, and nothing is sent twice.
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "jiangmen.outbox.relay.enabled=false",
		"review.reminders.enabled=false" })
class OutboxRelayIT {

	static final TestInfrastructure infra = TestInfrastructure.get();

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

	static final List<RecordReviewOutcomeRequest> received = new CopyOnWriteArrayList<>();

	static final List<String> tokens = new CopyOnWriteArrayList<>();

	static final AtomicInteger failuresLeft = new AtomicInteger();

	/** When set, every call is refused with this status (a refusal no retry can change). */
	static final java.util.concurrent.atomic.AtomicReference<Status> refuseWith = new java.util.concurrent.atomic.AtomicReference<>();

	static final Server talent = start();

	static Server start() {
		TalentServiceGrpc.TalentServiceImplBase service = new TalentServiceGrpc.TalentServiceImplBase() {
			@Override
			public void recordReviewOutcome(RecordReviewOutcomeRequest request,
					StreamObserver<RecordReviewOutcomeResponse> responseObserver) {
				if (refuseWith.get() != null) {
					responseObserver.onError(refuseWith.get().asRuntimeException());
					return;
				}
				if (failuresLeft.getAndDecrement() > 0) {
					responseObserver.onError(Status.UNAVAILABLE.withDescription("talent-service restarting").asRuntimeException());
					return;
				}
				received.add(request);
				responseObserver.onNext(RecordReviewOutcomeResponse.newBuilder()
					.setStatus(ApplicationStatus.APPLICATION_STATUS_RANKED)
					.build());
				responseObserver.onCompleted();
			}
		};
		ServerInterceptor capture = new ServerInterceptor() {
			@Override
			public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
					ServerCallHandler<ReqT, RespT> next) {
				String authorization = headers.get(AUTHORIZATION);
				tokens.add(authorization == null ? "" : authorization);
				return next.startCall(call, headers);
			}
		};
		try {
			return ServerBuilder.forPort(0).addService(ServerInterceptors.intercept(service, capture)).build().start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stop() {
		talent.shutdownNow();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "review_it");
		registry.add("spring.grpc.client.channel.talent.target", () -> "static://localhost:" + talent.getPort());
	}

	@Autowired
	OutboxRelay relay;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clear() {
		ReviewTables.clear(this.jdbc);
		received.clear();
		tokens.clear();
		refuseWith.set(null);
	}

	@Test
	void aRefusalNoRetryCanChangeIsParkedAsADeadLetterAndCounted() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String item = UUID.randomUUID().toString();
		this.outbox.add(OutboxMessage.pending(OutboxMessage.TALENT_OUTCOME, "review-outcome-" + item, """
				{"applicationId":"%s","reviewItemId":"%s","rank":1,"finalScoreHundredths":9000,
				 "passedThresholds":true,"confirmedAt":"2026-11-27T10:00:00Z"}""".formatted(UUID.randomUUID(), item), now));
		refuseWith.set(Status.FAILED_PRECONDITION.withDescription("application is withdrawn"));

		assertThat(this.relay.relayDue(10)).isZero();
		Map<String, Object> row = this.jdbc.sql("select attempts, last_error, parked_at, sent_at from outbox").query().singleRow();
		assertThat(row.get("parked_at")).isNotNull();
		assertThat(row.get("sent_at")).isNull();
		assertThat((String) row.get("last_error")).contains("FAILED_PRECONDITION");
		assertThat(this.outbox.counts()).isEqualTo(new Outbox.Counts(0, 1));

		// even when due again, a dead letter is not retried
		this.jdbc.sql("update outbox set next_attempt_at = now() - interval '1 hour'").update();
		refuseWith.set(null);
		assertThat(this.relay.relayDue(10)).isZero();
		assertThat(received).isEmpty();
	}

	@Test
	void aFailedCallIsRetriedLaterAndDeliveredOnceWithTheServiceAccountToken() {
		String application = UUID.randomUUID().toString();
		String item = UUID.randomUUID().toString();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.outbox.add(new OutboxMessage(UUID.randomUUID(), OutboxMessage.TALENT_OUTCOME, "review-outcome-" + item, """
				{"applicationId":"%s","reviewItemId":"%s","rank":2,"finalScoreHundredths":8125,
				 "passedThresholds":true,"confirmedAt":"2026-11-27T10:00:00Z"}""".formatted(application, item), now, 0, now));
		failuresLeft.set(1);

		assertThat(this.relay.relayDue(10)).isZero();
		Map<String, Object> row = this.jdbc.sql("select attempts, last_error, next_attempt_at, sent_at from outbox")
			.query()
			.singleRow();
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).contains("UNAVAILABLE");
		assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()).isAfter(now.plusSeconds(5));
		assertThat(row.get("sent_at")).isNull();
		// not due yet: nothing is tried
		assertThat(this.relay.relayDue(10)).isZero();
		assertThat(tokens).hasSize(1);

		this.jdbc.sql("update outbox set next_attempt_at = now() - interval '1 second'").update();
		assertThat(this.relay.relayDue(10)).isEqualTo(1);
		assertThat(received).hasSize(1);
		RecordReviewOutcomeRequest sent = received.get(0);
		assertThat(sent.getIdempotencyKey()).isEqualTo("review-outcome-" + item);
		assertThat(sent.getApplicationId()).isEqualTo(application);
		assertThat(sent.getReviewItemId()).isEqualTo(item);
		assertThat(sent.getRank()).isEqualTo(2);
		assertThat(sent.getFinalScoreHundredths()).isEqualTo(8125);
		assertThat(sent.getPassedThresholds()).isTrue();
		assertThat(sent.getConfirmedAt().getSeconds()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z").getEpochSecond());
		assertThat(this.jdbc.sql("select sent_at is not null from outbox").query(Boolean.class).single()).isTrue();

		// the token is the service account's (no user in the relay's security context)
		String token = tokens.get(tokens.size() - 1);
		assertThat(token).startsWith("Bearer ");
		String payload = new String(Base64.getUrlDecoder().decode(token.substring(7).split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat(payload).contains("jiangmen-services").contains("\"service\"");

		assertThat(this.relay.relayDue(10)).isZero();
		assertThat(received).hasSize(1);
	}

}
