package cn.jiangmen.innovation.talent.grpc;

import java.time.Instant;

import cn.jiangmen.innovation.contracts.talent.v1.CallCategory;
import cn.jiangmen.innovation.talent.domain.TalentCall;

import static cn.jiangmen.innovation.platform.grpc.ProtoTimes.timestamp;

/** A call (申报批次) as a talent.v1 message; its requests are read by {@link CallRequests}. */
final class CallMapper {

	private CallMapper() {
	}

	/** {@code now} decides {@code accepting_submissions}, so the portal need not judge it itself. */
	static cn.jiangmen.innovation.contracts.talent.v1.TalentCall call(TalentCall call, Instant now) {
		var proto = cn.jiangmen.innovation.contracts.talent.v1.TalentCall.newBuilder()
			.setCallId(call.id().toString())
			.setTitle(call.title())
			.setStatus(ProtoCodes.toProto(call.status(), cn.jiangmen.innovation.contracts.talent.v1.CallStatus.class))
			.setOpensAt(timestamp(call.opensAt()))
			.setClosesAt(timestamp(call.closesAt()))
			.setAcceptingSubmissions(call.acceptsSubmissionsAt(now))
			.addAllPriorityFields(call.priorityFields());
		call.categories()
			.forEach((category, rules) -> proto.addCategories(CallCategory.newBuilder()
				.setCategory(ProtoCodes.toProto(category, cn.jiangmen.innovation.contracts.talent.v1.Category.class))
				.setMaxLeaderAge(rules.maxLeaderAge() == null ? 0 : rules.maxLeaderAge())
				.setMinTeamSize(rules.minTeamSize())
				.addAllRequiredLeaderTitles(rules.requiredLeaderTitles()
					.stream()
					.sorted()
					.map(t -> ProtoCodes.toProto(t, cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle.class))
					.toList())
				.setLeaderFullTime(rules.leaderFullTime())
				.setFieldMustBeInCall(rules.fieldMustBeInCall())));
		return proto.build();
	}

}
