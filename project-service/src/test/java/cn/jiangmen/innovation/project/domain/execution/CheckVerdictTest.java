package cn.jiangmen.innovation.project.domain.execution;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckVerdictTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	@Test
	void thresholdsPassedPassEvenWithALowScore() {
		CheckVerdict verdict = CheckVerdict.of(true, 3000, 4500, TODAY, Period.ofMonths(3));
		assertThat(verdict.outcome()).isEqualTo(CheckRound.Outcome.PASS);
		assertThat(verdict.panelScore()).isEqualByComparingTo("30.00");
		assertThat(verdict.rectifyBy()).isEmpty();
	}

	@Test
	void missedThresholdsAtOrAboveTheFloorRectifyByTodayPlusThePeriod() {
		CheckVerdict atFloor = CheckVerdict.of(false, 4500, 4500, TODAY, Period.ofMonths(3));
		assertThat(atFloor.outcome()).isEqualTo(CheckRound.Outcome.RECTIFY);
		assertThat(atFloor.rectifyBy()).contains(LocalDate.of(2027, 3, 6));
		assertThat(atFloor.reasons()).contains("45.00", "2027-03-06");
	}

	@Test
	void belowTheFloorFailsNamingTheScoreAndTheFloor() {
		CheckVerdict verdict = CheckVerdict.of(false, 4499, 4500, TODAY, Period.ofMonths(3));
		assertThat(verdict.outcome()).isEqualTo(CheckRound.Outcome.FAIL);
		assertThat(verdict.rectifyBy()).isEmpty();
		assertThat(verdict.reasons()).contains("44.99", "45.00");
	}

}
