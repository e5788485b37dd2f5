package cn.jiangmen.innovation.portal.application;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * talent-service over gRPC (channel {@code talent}). The caller's access token rides along on
 * every call (platform's {@code BearerTokenClientInterceptor}), so talent-service shows each user
 * exactly what their own token allows. A failure never escapes as a 500: the page learns that the
 * service is unavailable and says so.
 */
@Component
public class TalentApplicationsClient {

	static final String CHANNEL = "talent";

	static final int NOTICES_SHOWN = 5;

	private static final Logger log = LoggerFactory.getLogger(TalentApplicationsClient.class);

	private final TalentServiceGrpc.TalentServiceBlockingStub stub;

	private final PortalProperties properties;

	public TalentApplicationsClient(GrpcChannelFactory channels, PortalProperties properties) {
		this.stub = TalentServiceGrpc.newBlockingStub(channels.createChannel(CHANNEL));
		this.properties = properties;
	}

	/** The first page of the applications visible to the current user, newest first. */
	public MyApplications myApplications() {
		ListApplicationsResponse response;
		try {
			response = this.stub
				.withDeadlineAfter(this.properties.talentDeadline().toMillis(), TimeUnit.MILLISECONDS)
				.listApplications(
						ListApplicationsRequest.newBuilder().setPageSize(this.properties.applicationsPageSize()).build());
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
				throw new AccessDeniedException("talent-service refused ListApplications", ex);
			}
			log.warn("talent-service ListApplications failed: {} {}", ex.getStatus().getCode(),
					ex.getStatus().getDescription());
			return MyApplications.unavailable();
		}
		return MyApplications.of(response.getApplicationsList().stream().map(this::toRow).toList(),
				!response.getNextPageToken().isEmpty());
	}

	/** The latest decisions on the applicant's organisation's applications, newest first. */
	public ApplicantNotices notices() {
		ListNoticesResponse response;
		try {
			response = this.stub
				.withDeadlineAfter(this.properties.talentDeadline().toMillis(), TimeUnit.MILLISECONDS)
				.listNotices(ListNoticesRequest.newBuilder().setPageSize(NOTICES_SHOWN).build());
		}
		catch (StatusRuntimeException ex) {
			log.warn("talent-service ListNotices failed: {} {}", ex.getStatus().getCode(),
					ex.getStatus().getDescription());
			return ApplicantNotices.unavailable();
		}
		return ApplicantNotices.of(response.getNoticesList()
			.stream()
			.map(n -> new NoticeRow(n.getApplicationId(), n.getApplicationTitle(), ProtoEnums.code(n.getStatus()),
					n.getDetail(), at(n.getAt())))
			.toList());
	}

	private ApplicationRow toRow(ApplicationSummary summary) {
		return new ApplicationRow(summary.getApplicationId(), summary.getTitle(), ProtoEnums.code(summary.getStatus()),
				at(summary.getUpdatedAt()));
	}

	/** In the bureau's zone; an unset time (never sent for these fields) is shown as the epoch, not hidden. */
	private ZonedDateTime at(Timestamp timestamp) {
		return ZonedDateTime.ofInstant(ProtoTimes.read(timestamp).orElse(Instant.EPOCH), this.properties.zone());
	}


}
