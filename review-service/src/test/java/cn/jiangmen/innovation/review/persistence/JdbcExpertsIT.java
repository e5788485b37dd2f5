package cn.jiangmen.innovation.review.persistence;

import java.util.List;
import java.util.Set;

import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Profiles keep affiliations, co-applications and relationships (typed JSON records) exactly. */
class JdbcExpertsIT extends StoreTest {

	@Test
	void aProfileReadsBackAsSavedIncludingACurrentAffiliationWithoutEndYear() {
		Expert expert = StoredRows.expert("e1");

		assertThat(this.experts.save(expert, "e1", StoredRows.NOW)).isZero();

		assertThat(this.experts.find(new ExpertId("e1"))).contains(expert);
		assertThat(this.experts.find(new ExpertId("e1")).orElseThrow().affiliations().get(0).untilYear()).isEmpty();
	}

	@Test
	void savingAgainReplacesTheProfileAndMovesTheVersionOn() {
		this.experts.save(StoredRows.expert("e1"), "e1", StoredRows.NOW);
		Expert changed = new Expert(new ExpertId("e1"), "e1-name", "改名", "", "pk-e1", Set.of("optics"), List.of(),
				List.of(), List.of());

		assertThat(this.experts.save(changed, "manager", StoredRows.NOW)).isEqualTo(1);

		assertThat(this.experts.find(new ExpertId("e1"))).contains(changed);
		assertThat(this.experts.all()).containsExactly(changed);
	}

}
