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
			.setStatus(cn.jiangmen.innovation.contracts.talent.v1.CallStatus.valueOf("CALL_STATUS_" + call.status().name()))
			.setOpensAt(timestamp(call.opensAt()))
			.setClosesAt(timestamp(call.closesAt()))
			.setAcceptingSubmissions(call.acceptsSubmissionsAt(now))
			.addAllPriorityFields(call.priorityFields());
		call.categories()
			.forEach((category, rules) -> proto.addCategories(CallCategory.newBuilder()
				.setCategory(category.name())
				.setMaxLeaderAge(rules.maxLeaderAge() == null ? 0 : rules.maxLeaderAge())
				.setMinTeamSize(rules.minTeamSize())
				.addAllRequiredLeaderTitles(rules.requiredLeaderTitles().stream().map(Enum::name).sorted().toList())
				.setLeaderFullTime(rules.leaderFullTime())
				.setFieldMustBeInCall(rules.fieldMustBeInCall())));
		return proto.build();
	}

}
