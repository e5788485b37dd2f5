package cn.jiangmen.innovation.talent.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.application.PageRequest;
import cn.jiangmen.innovation.talent.application.Viewers;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** gRPC face of talent applications; the same visibility rules as REST, from the same queries. */
@Service
class TalentGrpcService extends TalentServiceGrpc.TalentServiceImplBase {

	private final ApplicationQueries queries;

	TalentGrpcService(ApplicationQueries queries) {
		this.queries = queries;
	}

	@Override
	public void listApplications(ListApplicationsRequest request,
			StreamObserver<ListApplicationsResponse> responseObserver) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<TalentApplication> items = this.queries.visibleTo(Viewers.current(), page);
		responseObserver.onNext(ListApplicationsResponse.newBuilder()
			.addAllApplications(items.stream().map(ApplicationSummaries::toProto).toList())
			.setNextPageToken(page.nextToken(items.size()))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getApplicationSummary(GetApplicationSummaryRequest request,
			StreamObserver<GetApplicationSummaryResponse> responseObserver) {
		TalentApplication application = this.queries.get(ApplicationId.parse(request.getApplicationId(), "application_id"),
				Viewers.current());
		responseObserver.onNext(GetApplicationSummaryResponse.newBuilder()
			.setApplication(ApplicationSummaries.toProto(application))
			.build());
		responseObserver.onCompleted();
	}

}
