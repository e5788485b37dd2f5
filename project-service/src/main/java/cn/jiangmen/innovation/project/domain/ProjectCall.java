package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.ConflictException;

/**
 * A call (申报指南) for major projects in one priority field and year: its topics, the funding
 * ceiling per project, the highest fiscal share of a project's total budget, the consortium rules
 * (the lead is always a Jiangmen enterprise; an 产学研 topic needs a university or institute
 * partner), the documents a proposal needs and the guideline text. Takes proposals while published
 * and between its opening and closing times on the server clock.
 */
public record ProjectCall(CallId id, String fieldCode, int year, String title, List<Topic> topics, long ceilingFen,
		int maxFiscalSharePercent, List<String> requiredDocuments, String guideline, Instant opensAt,
		Instant closesAt, CallStatus status, Instant createdAt, Instant updatedAt, long version) {

	/** Dates and deadlines are read in Beijing time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** A topic (指南方向); {@code requiresResearchPartner} marks an 产学研 topic. */
	public record Topic(String code, String title, boolean requiresResearchPartner) {
	}

	public ProjectCall {
		Objects.requireNonNull(id, "id");
		topics = List.copyOf(topics);
		requiredDocuments = List.copyOf(requiredDocuments);
	}

	public static ProjectCall draft(CallTerms terms, Instant now) {
		return new ProjectCall(CallId.newId(), terms.fieldCode(), terms.year(), terms.title(), terms.topics(),
				terms.ceilingFen(), terms.maxFiscalSharePercent(), terms.requiredDocuments(), terms.guideline(),
				terms.opensAt(), terms.closesAt(), CallStatus.DRAFT, now, now, 0);
	}

	/** Published and, by the server clock, between opening and closing. */
	public boolean acceptsProposals(Instant now) {
		return this.status == CallStatus.PUBLISHED && !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

	public Optional<Topic> topic(String code) {
		return this.topics.stream().filter(t -> t.code().equals(code)).findFirst();
	}

	public ProjectCall apply(CallAction action, Instant now) {
		CallStatus next = CallLifecycle.target(this.status, action)
			.orElseThrow(() -> new ConflictException("call.transition-not-allowed",
					"A " + this.status + " call cannot be " + (action == CallAction.PUBLISH ? "published" : "closed")));
		return new ProjectCall(this.id, this.fieldCode, this.year, this.title, this.topics, this.ceilingFen,
				this.maxFiscalSharePercent, this.requiredDocuments, this.guideline, this.opensAt, this.closesAt, next,
				this.createdAt, now, this.version + 1);
	}

}
