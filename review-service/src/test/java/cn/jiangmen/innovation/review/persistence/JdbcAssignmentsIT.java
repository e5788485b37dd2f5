package cn.jiangmen.innovation.review.persistence;

import java.time.temporal.ChronoUnit;
import java.util.Map;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.Assignments;
import cn.jiangmen.innovation.review.domain.Consensus;
import cn.jiangmen.innovation.review.domain.ConsensusReports;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Assignments keep scores and comments (JSON objects by criterion code) and consensus reports their
 * final scores; both refuse a write at a version someone else already moved on.
 */
class JdbcAssignmentsIT extends StoreTest {

	@Autowired
	Assignments assignments;

	@Autowired
	ConsensusReports consensus;

	ReviewRound round;

	ReviewItem item;

	@BeforeEach
	void storeARoundWithOneItemAndExpert() {
		this.round = StoredRows.round();
		this.rounds.add(this.round);
		this.item = StoredRows.item("k1");
		this.items.addIfKeyUnused(this.item);
		this.rounds.addItem(this.round.id(), this.item.id());
		this.experts.save(StoredRows.expert("e1"), "manager", StoredRows.NOW);
	}

	@Test
	void aSubmittedSheetReadsBackWithScoresCommentsAndTimesAndAStaleSaveIsRefused() {
		Assignment added = Assignment.create(this.round.id(), this.item.id(), new ExpertId("e1"),
				Assignment.Source.MANUAL, "manager", StoredRows.NOW);
		this.assignments.add(added);
		Assignment declared = this.assignments.update(added.declare(false, StoredRows.NOW));
		Assignment submitted = declared.score(StoredRows.RUBRIC, Map.of("team", 4, "innovation", 5),
				Map.of("team", "团队扎实"), "推荐", true, StoredRows.NOW.plus(1, ChronoUnit.HOURS));

		Assignment stored = this.assignments.update(submitted);

		assertThat(stored.scores()).isEqualTo(Map.of("team", 4, "innovation", 5));
		assertThat(stored.comments()).isEqualTo(Map.of("team", "团队扎实"));
		assertThat(stored.sheetStatus()).isEqualTo(Assignment.SheetStatus.SUBMITTED);
		assertThat(stored.submittedAt()).contains(StoredRows.NOW.plus(1, ChronoUnit.HOURS));
		assertThat(stored.version()).isEqualTo(2);
		assertThat(this.assignments.find(this.item.id(), new ExpertId("e1"))).contains(stored);
		assertThat(this.assignments.forRound(this.round.id())).containsExactly(stored);
		assertThat(this.assignments.forExpert(new ExpertId("e1"))).containsExactly(stored);
		assertThatThrownBy(() -> this.assignments.update(submitted)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aConsensusReportReadsBackWithItsFinalScoresAndAStaleRewriteIsRefused() {
		Consensus first = Consensus.write(StoredRows.RUBRIC, this.item.id(), this.round.id(), new ExpertId("e1"),
				Map.of("team", 3, "innovation", 4), "一致推荐", StoredRows.NOW, 0);

		Consensus stored = this.consensus.save(first);

		assertThat(stored.finalScores()).isEqualTo(Map.of("team", 3, "innovation", 4));
		assertThat(stored.finalHundredths()).isEqualTo(first.finalHundredths());
		assertThat(stored.failedThresholds()).isEqualTo(first.failedThresholds());
		assertThat(this.consensus.forRound(this.round.id())).containsExactly(stored);
		assertThatThrownBy(() -> this.consensus.save(first)).isInstanceOf(ConflictException.class);
	}

}
