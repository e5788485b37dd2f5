package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicantNotice;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * talent-service as the portal sees it over gRPC, served in-process by a real gRPC server: answers
 * with the given rows, fails with a status, or never answers (the deadline must end the call).
 */
class FakeTalentService extends TalentServiceGrpc.TalentServiceImplBase {

	enum Mode {

		ANSWER, FAIL, HANG

	}

	private volatile Mode mode = Mode.ANSWER;

	private volatile Status failure = Status.UNAVAILABLE;

	private volatile List<ApplicationSummary> applications = List.of();

	private volatile String nextPageToken = "";

	private volatile List<ApplicantNotice> notices = List.of();

	private volatile List<TalentCall> calls = List.of();

	/** Further pages after the first, each answered for the token the previous one gave. */
	private final java.util.Map<String, ListApplicationsResponse> laterPages = new java.util.concurrent.ConcurrentHashMap<>();

	final List<ListApplicationsRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

	final List<StreamObserver<?>> hanging = new ArrayList<>();

	void reset() {
		this.mode = Mode.ANSWER;
		this.applications = List.of();
		this.nextPageToken = "";
		this.notices = List.of();
		this.calls = List.of();
		this.laterPages.clear();
		this.requests.clear();
	}

	void calls(List<TalentCall> calls) {
		this.calls = List.copyOf(calls);
	}

	/** The page answered for {@code token}; {@code nextToken} empty for the last. */
	void page(String token, List<ApplicationSummary> applications, String nextToken) {
		this.laterPages.put(token,
				ListApplicationsResponse.newBuilder().addAllApplications(applications).setNextPageToken(nextToken).build());
	}

	void notices(List<ApplicantNotice> notices) {
		this.notices = List.copyOf(notices);
	}

	void answer(List<ApplicationSummary> applications, String nextPageToken) {
		this.mode = Mode.ANSWER;
		this.applications = List.copyOf(applications);
		this.nextPageToken = nextPageToken;
	}

	void fail(Status status) {
		this.mode = Mode.FAIL;
		this.failure = status;
	}

	void hang() {
		this.mode = Mode.HANG;
	}

	@Override
	public void listApplications(ListApplicationsRequest request,
			StreamObserver<ListApplicationsResponse> responseObserver) {
		this.requests.add(request);
		switch (this.mode) {
			case ANSWER -> {
				ListApplicationsResponse later = this.laterPages.get(request.getPageToken());
				if (!request.getPageToken().isEmpty()) {
					responseObserver.onNext(later != null ? later : ListApplicationsResponse.getDefaultInstance());
					responseObserver.onCompleted();
					return;
				}
				responseObserver.onNext(ListApplicationsResponse.newBuilder()
					.addAllApplications(this.applications)
					.setNextPageToken(this.nextPageToken)
					.build());
				responseObserver.onCompleted();
			}
			case FAIL -> responseObserver.onError(this.failure.withDescription("test failure").asRuntimeException());
			case HANG -> {
				synchronized (this.hanging) {
					this.hanging.add(responseObserver);
				}
			}
		}
	}

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> responseObserver) {
		responseObserver.onNext(ListCallsResponse.newBuilder().addAllCalls(this.calls).build());
		responseObserver.onCompleted();
	}

	@Override
	public void listNotices(ListNoticesRequest request, StreamObserver<ListNoticesResponse> responseObserver) {
		if (this.mode == Mode.FAIL) {
			responseObserver.onError(this.failure.withDescription("test failure").asRuntimeException());
			return;
		}
		responseObserver.onNext(ListNoticesResponse.newBuilder().addAllNotices(this.notices).build());
		responseObserver.onCompleted();
	}

}
