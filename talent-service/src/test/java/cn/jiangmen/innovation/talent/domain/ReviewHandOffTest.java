package cn.jiangmen.innovation.talent.domain;

import java.nio.charset.StandardCharsets;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people of a hand-off: each by their own key and by name keys at the host and at the employer
 * typed, so that review-service can match an expert who names a person and an organisation; no name
 * travels.
 */
class ReviewHandOffTest {

	static final PersonNameKey KEYS = PersonNameKey
		.hmacSha256("test-only-person-key-secret-0123456789".getBytes(StandardCharsets.UTF_8));

	@Test
	void everyPersonIsSentByKeysAtTheHostAndAtTheEmployerNeverByName() {
		TalentCall call = Fixtures.openCall();
		TalentApplication application = TalentApplication.draft(call, Fixtures.ORG_A, Fixtures.eligibleTeam(),
				Fixtures.DURING);
		application.submit(call, Fixtures.ALL_ATTACHED, Fixtures.DURING);
		application.passFormalCheck(Fixtures.DURING.plusSeconds(60));

		ReviewHandOff handOff = ReviewHandOff.of(application, KEYS);

		assertThat(handOff.leaderPersonKey()).isEqualTo("id:" + Fixtures.FINGERPRINT.of("440703198001011234"));
		assertThat(handOff.leaderNameKeys()).containsExactly(key("Li Ming", "江门市光电科技有限公司"),
				key("Li Ming", "Wuyi University"));
		assertThat(handOff.memberPersonKeys()).startsWith("nb:member1|1990-01-01", "nb:member2|1990-01-02",
				"nb:member3|1990-01-03", "nb:member4|1990-01-04")
			.contains(key("Member 1", "江门市光电科技有限公司"), key("Member 1", "Jiangmen Optoelectronics"),
					key("member 4", "jiangmen optoelectronics"))
			.hasSize(12)
			.doesNotHaveDuplicates();
		assertThat(handOff.toString()).doesNotContain("Li Ming", "Member 1", "Wuyi University");
	}

	private static String key(String person, String organisation) {
		return KEYS.of(person, organisation).orElseThrow();
	}

}
