package cn.jiangmen.innovation.project.domain;

import java.time.Instant;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityFieldTest {

	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	PriorityField field = PriorityField.added(new FieldCode("hydrogen-energy"), FieldKind.CITY,
			new FieldNames("氢能", "Hydrogen energy"), "", 100);

	@Test
	void renameAndRetireEachMoveTheVersion() {
		PriorityField renamed = this.field.rename(new FieldNames("氢能及燃料电池", "Hydrogen and fuel cells"));
		assertThat(renamed.nameZh()).isEqualTo("氢能及燃料电池");
		assertThat(renamed.version()).isEqualTo(1);
		PriorityField retired = renamed.retire(NOW);
		assertThat(retired.isRetired()).isTrue();
		assertThat(retired.retiredAt()).contains(NOW);
		assertThat(retired.nameEn()).isEqualTo("Hydrogen and fuel cells");
		assertThat(retired.version()).isEqualTo(2);
	}

	@Test
	void aRetiredFieldIsNeitherRetiredAgainNorRenamed() {
		PriorityField retired = this.field.retire(NOW);
		assertThatThrownBy(() -> retired.retire(NOW)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("field.retired"));
		assertThatThrownBy(() -> retired.rename(new FieldNames("新", "New")))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.code()).isEqualTo("field.retired"));
	}

	@Test
	void badCodesAndNamesAreRefusedNamingTheField() {
		for (String bad : new String[] { "Hydrogen", "a--b", "-a", "a b", "x".repeat(65) }) {
			assertThatThrownBy(() -> FieldCode.parse(bad, "code")).as(bad)
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.violations()).extracting(v -> v.field() + ":" + v.code())
							.containsExactly("code:field-code.format"));
		}
		assertThatThrownBy(() -> FieldNames.parse(" ", "x".repeat(201), "nameZh", "nameEn"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field() + ":" + v.code())
						.containsExactly("nameZh:required", "nameEn:too-long"));
		assertThat(FieldNames.parse(" 氢能 ", "Hydrogen", "nameZh", "nameEn").zh()).isEqualTo("氢能");
	}

}
