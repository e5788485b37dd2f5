package cn.jiangmen.innovation.portal.project;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.CallTopic;
import cn.jiangmen.innovation.contracts.project.v1.ProjectCall;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.portal.finance.Yuan;
import cn.jiangmen.innovation.portal.web.ProtoEnums;

/**
 * A call (申报指南) as the applicant's pages state it: times in the bureau's zone, money in yuan,
 * the consortium rules as facts the page says in words.
 *
 * @param status {@code PUBLISHED} or {@code CLOSED} (an applicant sees no drafts)
 * @param accepting published and the server clock between opening and closing
 * @param researchTopics whether some topic is 产学研 (needs a university or institute partner)
 */
public record CallView(String id, String fieldCode, int year, String title, String status, boolean accepting,
		List<CallTopic> topics, String ceilingYuan, long ceilingFen, int maxFiscalSharePercent,
		List<String> requiredDocuments, String guideline, ZonedDateTime opensAt, ZonedDateTime closesAt,
		boolean researchTopics, long version) {

	static CallView of(ProjectCall call, ZoneId zone) {
		return new CallView(call.getCallId(), call.getFieldCode(), call.getYear(), call.getTitle(),
				ProtoEnums.code(call.getStatus()), call.getAcceptingProposals(), call.getTopicsList(),
				Yuan.format(call.getFundingCeiling()), call.getFundingCeiling().getMinorUnits(),
				call.getMaxFiscalSharePercent(), call.getRequiredDocumentsList(), call.getGuideline(),
				at(call.getOpensAt(), zone), at(call.getClosesAt(), zone),
				call.getTopicsList().stream().anyMatch(CallTopic::getRequiresResearchPartner), call.getVersion());
	}

	static ZonedDateTime at(com.google.protobuf.Timestamp timestamp, ZoneId zone) {
		return ProtoTimes.read(timestamp).orElse(Instant.EPOCH).atZone(zone);
	}

	/** Whether the call opens later than now (published, not yet taking proposals). */
	public boolean upcoming() {
		return !this.accepting && "PUBLISHED".equals(this.status) && this.opensAt.toInstant().isAfter(Instant.now());
	}

}
