package cn.jiangmen.innovation.portal.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.review.v1.AssignmentDetail;
import cn.jiangmen.innovation.contracts.review.v1.Criterion;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Rejected;

/**
 * What the expert's scoring sheet shows: one row per criterion with the score and comment as read
 * (or as typed, after a rejected save), the weighted total as a preview, and the service's field
 * errors renamed to the sheet's inputs ({@code scores.team} is the input {@code score.team}), so
 * each message sits next to its criterion and the summary names the criterion in words.
 *
 * @param rows the criteria in rubric order
 * @param totalHundredths weighted total of the scored criteria (0..10000); review-service computes the one that counts
 * @param scored how many criteria have a score
 * @param errors what to fix, by input name
 */
public record ScoreSheet(List<Row> rows, int totalHundredths, int scored, FieldErrors errors) {

	/** One criterion. {@code score} is null while unscored. */
	public record Row(String code, String name, int weightPercent, int threshold, Integer score, String comment) {

		public String scoreField() {
			return "score." + this.code;
		}

		public String commentField() {
			return "comment." + this.code;
		}

		/** Below its threshold (a threshold of 0 means none). */
		public boolean belowThreshold() {
			return this.score != null && this.threshold > 0 && this.score < this.threshold;
		}

	}

	static ScoreSheet of(AssignmentDetail detail, Map<String, Integer> typed, Map<String, String> typedComments,
			List<Rejected.Violation> violations) {
		Map<String, Integer> scores = typed != null ? typed : detail.getScoresMap();
		Map<String, String> comments = typedComments != null ? typedComments : detail.getCommentsMap();
		int min = detail.getRubric().getScaleMin();
		int max = detail.getRubric().getScaleMax();
		List<Row> rows = new ArrayList<>();
		double total = 0;
		int scored = 0;
		for (Criterion c : detail.getRubric().getCriteriaList()) {
			Integer score = scores.get(c.getCode());
			if (score != null && (score < min || score > max)) {
				score = null;
			}
			if (score != null) {
				scored++;
				// Rubric.overallHundredths in review-service: the weight times the score's place on the scale.
				total += max > min ? c.getWeightPercent() * (score - min) / (double) (max - min) : 0;
			}
			rows.add(new Row(c.getCode(), c.getName(), c.getWeightPercent(), c.getThreshold(), score,
					comments.getOrDefault(c.getCode(), "")));
		}
		return new ScoreSheet(List.copyOf(rows), (int) Math.round(total * 100), scored,
				FieldErrors.of("review", violations, ScoreSheet::input));
	}

	/** The criteria not scored yet, as the service would name them on submit (checked before the confirmation). */
	List<Rejected.Violation> unscored() {
		return this.rows.stream()
			.filter(r -> r.score() == null)
			.map(r -> new Rejected.Violation("scores." + r.code(), "required"))
			.toList();
	}

	/** The sheet's input for a field review-service named (proto paths, map keys as they are). */
	static String input(String field) {
		if (field.startsWith("scores.")) {
			return "score." + field.substring("scores.".length());
		}
		if (field.startsWith("comments.")) {
			return "comment." + field.substring("comments.".length());
		}
		return field;
	}

	/**
	 * The message key of an error on the sheet: by the group of inputs and the reason
	 * ({@code review.error.scores.required}), since the service's path carries the criterion code,
	 * which the message does not need: the sheet names the criterion in words beside it.
	 */
	public String key(FieldErrors.Error error) {
		String field = error.field();
		String group = field.startsWith("score.") ? "scores" : field.startsWith("comment.") ? "comments" : field;
		return "review.error." + group + "." + error.reason();
	}

	/** "81.25": a total in hundredths as points out of 100, the way the results page prints them. */
	static String points(int hundredths) {
		return String.format(java.util.Locale.ROOT, "%d.%02d", hundredths / 100, hundredths % 100);
	}

	public String total() {
		return points(this.totalHundredths);
	}

}
