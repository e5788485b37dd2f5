package cn.jiangmen.innovation.review.grpc;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.review.v1.AssignmentDetail;
import cn.jiangmen.innovation.contracts.review.v1.AssignmentSummary;
import cn.jiangmen.innovation.contracts.review.v1.Criterion;
import cn.jiangmen.innovation.contracts.review.v1.ItemContent;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.Rubric;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.ReviewItem;

/** Domain to contract messages for the expert-side RPCs. */
final class ExpertGrpcMapping {

	private ExpertGrpcMapping() {
	}

	static AssignmentSummary summary(ExpertWork.AssignmentView v) {
		Assignment a = v.assignment();
		return AssignmentSummary.newBuilder()
			.setAssignmentId(a.id().toString())
			.setRoundId(a.round().toString())
			.setRoundName(v.round().name())
			.setReviewItemId(a.item().toString())
			.setItemTitle(v.itemTitle())
			.addAllOrganisationNames(v.organisationNames())
			.setDeadline(ProtoTimes.timestamp(v.round().deadline()))
			.setDeclaration(ReviewGrpcMapping.toProto(a.declaration()))
			.setSheetStatus(ReviewGrpcMapping.toProto(a.sheetStatus()))
			.setRapporteur(v.rapporteur())
			.build();
	}

	static Rubric rubric(cn.jiangmen.innovation.review.domain.Rubric rubric) {
		Rubric.Builder r = Rubric.newBuilder()
			.setScaleMin(rubric.scaleMin())
			.setScaleMax(rubric.scaleMax())
			.setOverallThresholdHundredths(rubric.overallThresholdHundredths());
		rubric.criteria()
			.forEach(c -> r.addCriteria(Criterion.newBuilder()
				.setCode(c.code())
				.setName(c.name())
				.setWeightPercent(c.weightPercent())
				.setThreshold(c.threshold())));
		return r.build();
	}

	static AssignmentDetail detail(ExpertWork.AssignmentView v) {
		Assignment a = v.assignment();
		AssignmentDetail.Builder d = AssignmentDetail.newBuilder()
			.setSummary(summary(v))
			.setRubric(rubric(v.round().rubric()))
			.putAllScores(a.scores())
			.putAllComments(a.comments())
			.setOverallComment(a.overallComment())
			.setVersion(a.version());
		a.submittedAt().ifPresent(at -> d.setSubmittedAt(ProtoTimes.timestamp(at)));
		v.item()
			.ifPresent(item -> d.setItem(ItemContent.newBuilder()
				.setItemId(item.itemId().toString())
				.setTitle(item.title())
				.addAllFieldCodes(item.fieldCodes())
				.addAllOrganisations(organisations(item))
				.setOwningContext(ReviewGrpcMapping.toProto(item.owningContext()))));
		return d.build();
	}

	/** Ids with their names; names are empty when the owner named none. */
	private static List<Organisation> organisations(ReviewItem item) {
		List<Organisation> organisations = new ArrayList<>();
		for (int i = 0; i < item.organisationIds().size(); i++) {
			organisations.add(Organisation.newBuilder()
				.setId(item.organisationIds().get(i).toString())
				.setName(i < item.organisationNames().size() ? item.organisationNames().get(i) : "")
				.build());
		}
		return organisations;
	}

	static cn.jiangmen.innovation.contracts.review.v1.ExpertProfile profile(cn.jiangmen.innovation.review.domain.Expert e) {
		var p = cn.jiangmen.innovation.contracts.review.v1.ExpertProfile.newBuilder()
			.setSubject(e.id().subject())
			.setUsername(e.username())
			.setDisplayName(e.displayName())
			.setEmail(e.email())
			.setPersonKey(e.personKey())
			.addAllFieldCodes(e.fieldCodes().stream().sorted().toList());
		e.affiliations()
			.forEach(a -> p.addAffiliations(cn.jiangmen.innovation.contracts.review.v1.ExpertAffiliation.newBuilder()
				.setOrganisationId(a.organisationId().toString())
				.setOrganisationName(a.organisationName())
				.setFromYear(a.fromYear())
				.setUntilYear(a.untilYear().orElse(0))));
		e.coApplications()
			.forEach(c -> p.addCoApplications(cn.jiangmen.innovation.contracts.review.v1.ExpertCoApplication.newBuilder()
				.setPersonKey(c.personKey())
				.setYear(c.year())
				.setPersonName(c.personName())
				.setOrganisationId(c.organisationId() == null ? "" : c.organisationId().toString())
				.setOrganisationName(c.organisationName())));
		e.relationships()
			.forEach(r -> p.addRelationships(cn.jiangmen.innovation.contracts.review.v1.ExpertRelationship.newBuilder()
				.setKind(cn.jiangmen.innovation.contracts.review.v1.RelationshipKind.valueOf("RELATIONSHIP_KIND_" + r.kind().name()))
				.setReference(r.reference())
				.setNote(r.note())
				.setPersonName(r.personName())
				.setOrganisationId(r.organisationId() == null ? "" : r.organisationId().toString())
				.setOrganisationName(r.organisationName())));
		return p.build();
	}

	/** Zero years mean "not given" (until: still there); an unspecified kind is named as a bad field. */
	static cn.jiangmen.innovation.review.domain.ProfileInput input(cn.jiangmen.innovation.contracts.review.v1.ExpertProfile p) {
		return new cn.jiangmen.innovation.review.domain.ProfileInput(p.getDisplayName(), p.getEmail(), p.getPersonKey(),
				p.getFieldCodesList(),
				p.getAffiliationsList()
					.stream()
					.map(a -> new cn.jiangmen.innovation.review.domain.ProfileInput.AffiliationInput(a.getOrganisationId(),
							a.getOrganisationName(), a.getFromYear() == 0 ? null : a.getFromYear(),
							a.getUntilYear() == 0 ? null : a.getUntilYear()))
					.toList(),
				p.getCoApplicationsList()
					.stream()
					.map(c -> new cn.jiangmen.innovation.review.domain.ProfileInput.CoApplicationInput(c.getPersonKey(),
							c.getYear() == 0 ? null : c.getYear(), c.getPersonName(), c.getOrganisationId(),
							c.getOrganisationName()))
					.toList(),
				p.getRelationshipsList()
					.stream()
					.map(r -> new cn.jiangmen.innovation.review.domain.ProfileInput.RelationshipInput(switch (r.getKind()) {
						case RELATIONSHIP_KIND_PERSON -> "PERSON";
						case RELATIONSHIP_KIND_ORGANISATION -> "ORGANISATION";
						default -> null;
					}, r.getReference(), r.getNote(), r.getPersonName(), r.getOrganisationId(), r.getOrganisationName()))
					.toList());
	}

}
