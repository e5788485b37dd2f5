package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The checked content of a new call. {@link #check} reports every bad field at once (as REST names
 * them; the gRPC adapter renames), so nothing half-checked is stored.
 */
public record CallTerms(String fieldCode, int year, String title, List<ProjectCall.Topic> topics, long ceilingFen,
		int maxFiscalSharePercent, List<String> requiredDocuments, String guideline, Instant opensAt,
		Instant closesAt) {

	static final int MAX_TITLE = 300;

	static final int MAX_GUIDELINE = 20_000;

	/** Raw input; {@code ceilingFen} is null when the amount was missing or malformed (already named). */
	public static CallTerms check(String fieldCode, Integer year, String title, List<ProjectCall.Topic> topics,
			Long ceilingFen, Integer maxFiscalSharePercent, List<String> requiredDocuments, String guideline,
			Instant opensAt, Instant closesAt, List<FieldViolation> violations) {
		String field = fieldCode == null ? "" : fieldCode.strip();
		if (field.isEmpty()) {
			violations.add(new FieldViolation("fieldCode", "required", "must name a priority field"));
		}
		if (year == null || year < 2015 || year > 2100) {
			violations.add(new FieldViolation("year", "out-of-range", "must be a year from 2015 to 2100"));
		}
		String cleanTitle = title == null ? "" : title.strip();
		if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
			violations.add(new FieldViolation("title", "length", "must be 1 to " + MAX_TITLE + " characters"));
		}
		List<ProjectCall.Topic> cleanTopics = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		if (topics == null || topics.isEmpty()) {
			violations.add(new FieldViolation("topics", "required", "must list at least one topic"));
		}
		else {
			for (int i = 0; i < topics.size(); i++) {
				ProjectCall.Topic topic = topics.get(i);
				String code = topic == null || topic.code() == null ? "" : topic.code().strip();
				String topicTitle = topic == null || topic.title() == null ? "" : topic.title().strip();
				if (!code.matches("[A-Za-z0-9-]{1,20}") || !codes.add(code)) {
					violations.add(new FieldViolation("topics[" + i + "].code", "malformed",
							"must be 1 to 20 letters, digits or '-', unique in the call"));
				}
				if (topicTitle.isEmpty() || topicTitle.length() > MAX_TITLE) {
					violations.add(new FieldViolation("topics[" + i + "].title", "length",
							"must be 1 to " + MAX_TITLE + " characters"));
				}
				cleanTopics.add(new ProjectCall.Topic(code, topicTitle, topic != null && topic.requiresResearchPartner()));
			}
		}
		if (maxFiscalSharePercent == null || maxFiscalSharePercent < 1 || maxFiscalSharePercent > 100) {
			violations.add(new FieldViolation("maxFiscalSharePercent", "out-of-range", "must be a percentage from 1 to 100"));
		}
		List<String> documents = new ArrayList<>();
		if (requiredDocuments != null) {
			for (int i = 0; i < requiredDocuments.size(); i++) {
				String document = requiredDocuments.get(i) == null ? "" : requiredDocuments.get(i).strip();
				if (document.isEmpty() || document.length() > 200) {
					violations.add(new FieldViolation("requiredDocuments[" + i + "]", "length", "must be 1 to 200 characters"));
				}
				documents.add(document);
			}
		}
		String text = guideline == null ? "" : guideline.strip();
		if (text.isEmpty() || text.length() > MAX_GUIDELINE) {
			violations.add(new FieldViolation("guideline", "length", "must be 1 to " + MAX_GUIDELINE + " characters"));
		}
		if (opensAt == null) {
			violations.add(new FieldViolation("opensAt", "required", "must be an ISO-8601 instant"));
		}
		if (closesAt == null) {
			violations.add(new FieldViolation("closesAt", "required", "must be an ISO-8601 instant"));
		}
		else if (opensAt != null && !closesAt.isAfter(opensAt)) {
			violations.add(new FieldViolation("closesAt", "before-opening", "must be after opensAt"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new CallTerms(field, year, cleanTitle, cleanTopics, ceilingFen, maxFiscalSharePercent, documents, text,
				opensAt, closesAt);
	}

}
