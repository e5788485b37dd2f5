package cn.jiangmen.innovation.review.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.review.domain.Affiliation;
import cn.jiangmen.innovation.review.domain.CoApplication;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.DeclaredRelationship;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.OpenReview;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import cn.jiangmen.innovation.review.domain.RoundId;
import cn.jiangmen.innovation.review.domain.Rubric;


/** The rows a repository test needs before its own (foreign keys), built through the stores. */
final class StoredRows {

	/** The database keeps microseconds. */
	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

	static final Rubric RUBRIC = new Rubric(
			List.of(new Criterion("team", "团队", 40, 3), new Criterion("innovation", "创新", 60, 0)), 1, 5, 6000);

	private StoredRows() {
	}

	static ReviewItem item(String key) {
		return ReviewItem.open(OpenReview.of(key, OwningContext.TALENT, UUID.randomUUID().toString(), "申报 " + key,
				List.of("new-materials"), List.of(UUID.randomUUID().toString()), Optional.of(NOW)), "svc", NOW);
	}

	static ReviewRound round() {
		return new ReviewRound(RoundId.newId(), "2026 人才评审", OwningContext.TALENT, RUBRIC, true,
				NOW.plus(7, ChronoUnit.DAYS), 3, 10, 12.5, ReviewRound.State.OPEN, "manager", NOW, Optional.empty(),
				Optional.empty(), 0);
	}

	/**
	 * A profile with every JSON column filled, a current and a past affiliation, persons given by a bare
	 * key (as saved before) and by name and organisation.
	 */
	static Expert expert(String subject) {
		return new Expert(new ExpertId(subject), subject + "-name", "专家 " + subject, subject + "@example.cn",
				"pk-" + subject, Set.of("new-materials", "optics"),
				List.of(new Affiliation(UUID.randomUUID(), "五邑大学", 2010, OptionalInt.empty()),
						new Affiliation(UUID.randomUUID(), "江门市光电科技有限公司", 2001, OptionalInt.of(2009))),
				List.of(new CoApplication("pk-other", 2024),
						new CoApplication("name:0a1b", 2023, "李明", UUID.randomUUID(), "江门市光电科技有限公司")),
				List.of(new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, "pk-cousin", "表兄"),
						new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, "name:2c3d", "学生", "王五",
								UUID.randomUUID(), "五邑大学")));
	}

}
