package cn.jiangmen.innovation.portal.application;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsResponse;
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

	/** At most this many pages are followed; a longer list says that more exist. */
	static final int MAX_PAGES = 20;

	/**
	 * Every application visible to the current user, newest first, each with the title of its call
	 * (pages followed up to {@link #MAX_PAGES}). Call titles are a nicety: when calls cannot be
	 * listed the rows are still shown, without them.
	 */
	public MyApplications myApplications() {
		List<ApplicationSummary> all = new ArrayList<>();
		String token = "";
		int pages = 0;
		try {
			do {
				ListApplicationsResponse response = this.stub
					.withDeadlineAfter(this.properties.talentDeadline().toMillis(), TimeUnit.MILLISECONDS)
					.listApplications(ListApplicationsRequest.newBuilder()
						.setPageSize(this.properties.applicationsPageSize())
						.setPageToken(token)
						.build());
				all.addAll(response.getApplicationsList());
				token = response.getNextPageToken();
				pages++;
			}
			while (!token.isEmpty() && pages < MAX_PAGES);
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
				throw new AccessDeniedException("talent-service refused ListApplications", ex);
			}
			log.warn("talent-service ListApplications failed: {} {}", ex.getStatus().getCode(),
					ex.getStatus().getDescription());
			return MyApplications.unavailable();
		}
		Map<String, String> callTitles = callTitles();
		return MyApplications.of(all.stream().map(a -> toRow(a, callTitles.get(a.getCallId()))).toList(),
				!token.isEmpty());
	}

	private Map<String, String> callTitles() {
		Map<String, String> titles = new HashMap<>();
		String token = "";
		int pages = 0;
		try {
			do {
				ListCallsResponse response = this.stub
					.withDeadlineAfter(this.properties.talentDeadline().toMillis(), TimeUnit.MILLISECONDS)
					.listCalls(ListCallsRequest.newBuilder().setPageSize(200).setPageToken(token).build());
				response.getCallsList().forEach(c -> titles.put(c.getCallId(), c.getTitle()));
				token = response.getNextPageToken();
				pages++;
			}
			while (!token.isEmpty() && pages < MAX_PAGES);
		}
		catch (StatusRuntimeException ex) {
			log.warn("talent-service ListCalls failed: {} {}", ex.getStatus().getCode(), ex.getStatus().getDescription());
		}
		return titles;
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

	private ApplicationRow toRow(ApplicationSummary summary, String callTitle) {
		return new ApplicationRow(summary.getApplicationId(), summary.getTitle(), ProtoEnums.code(summary.getStatus()),
				at(summary.getUpdatedAt()), summary.getCallId(), callTitle);
	}

	/** In the bureau's zone; an unset time (never sent for these fields) is shown as the epoch, not hidden. */
	private ZonedDateTime at(Timestamp timestamp) {
		return ZonedDateTime.ofInstant(ProtoTimes.read(timestamp).orElse(Instant.EPOCH), this.properties.zone());
	}


}
