package cn.jiangmen.innovation.review.grpc;

import cn.jiangmen.innovation.contracts.review.v1.ExpertProfile;
import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse;
import cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest;
import cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.review.application.ExpertPool;

import org.springframework.stereotype.Component;

/** The calling expert's own profile (subject and username always from the token). */
@Component
class ExpertProfileGrpc {

	private final ExpertPool experts;

	ExpertProfileGrpc(ExpertPool experts) {
		this.experts = experts;
	}

	/** Before the first save the profile is the token's subject and username, with found false. */
	GetMyProfileResponse getMyProfile(GetMyProfileRequest request) {
		Caller caller = Callers.current();
		return this.experts.mine(caller)
			.map(e -> GetMyProfileResponse.newBuilder().setProfile(ExpertGrpcMapping.profile(e)).setFound(true).build())
			.orElseGet(() -> GetMyProfileResponse.newBuilder()
				.setProfile(ExpertProfile.newBuilder().setSubject(caller.subject()).setUsername(caller.username()))
				.setFound(false)
				.build());
	}

	SaveMyProfileResponse saveMyProfile(SaveMyProfileRequest request) {
		var saved = this.experts.saveMine(Callers.current(), ExpertGrpcMapping.input(request.getProfile()));
		return SaveMyProfileResponse.newBuilder().setProfile(ExpertGrpcMapping.profile(saved)).build();
	}

}
