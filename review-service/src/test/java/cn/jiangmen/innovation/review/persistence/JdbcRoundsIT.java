package cn.jiangmen.innovation.review.persistence;

import java.time.temporal.ChronoUnit;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rounds keep their rubric (a typed JSON record), items and rapporteurs; a stale update is refused. */
class JdbcRoundsIT extends StoreTest {

	@Test
	void aRoundReadsBackAsWrittenWithItsRubricItemsAndRapporteur() {
		ReviewRound round = StoredRows.round();
		this.rounds.add(round);
		ReviewItem item = StoredRows.item("k1");
		this.items.addIfKeyUnused(item);
		this.rounds.addItem(round.id(), item.id());
		this.experts.save(StoredRows.expert("e1"), "manager", StoredRows.NOW);
		this.rounds.setRapporteur(round.id(), item.id(), new ExpertId("e1"));

		assertThat(this.rounds.find(round.id())).contains(round);
		assertThat(this.rounds.find(round.id()).orElseThrow().rubric()).isEqualTo(StoredRows.RUBRIC);
		assertThat(this.rounds.items(round.id())).containsExactly(item.id());
		assertThat(this.rounds.roundOf(item.id())).contains(round.id());
		assertThat(this.rounds.rapporteurs(round.id())).containsEntry(item.id(), new ExpertId("e1"));
	}

	@Test
	void confirmingAtTheVersionReadWinsOnceAndTheStaleCopyIsRefused() {
		ReviewRound round = StoredRows.round();
		this.rounds.add(round);
		ReviewRound confirmed = round.confirmed("manager", StoredRows.NOW.plus(1, ChronoUnit.HOURS));

		this.rounds.update(confirmed);

		ReviewRound stored = this.rounds.find(round.id()).orElseThrow();
		assertThat(stored.state()).isEqualTo(ReviewRound.State.CONFIRMED);
		assertThat(stored.confirmedBy()).contains("manager");
		assertThat(stored.version()).isEqualTo(1);
		assertThatThrownBy(() -> this.rounds.update(confirmed)).isInstanceOf(ConflictException.class);
		assertThat(this.rounds.all()).extracting(ReviewRound::id).containsExactly(round.id());
	}

}
