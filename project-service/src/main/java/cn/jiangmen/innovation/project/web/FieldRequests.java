package cn.jiangmen.innovation.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the field endpoints; names and codes are checked by the domain, naming the field. */
final class FieldRequests {

	private FieldRequests() {
	}

	/** A new priority field. */
	record AddField(@Schema(example = "hydrogen-energy") String code,
			@NotNull @Schema(allowableValues = { "CITY", "PROVINCE_CITY_LINKED" }) String kind,
			@Schema(example = "氢能") String nameZh, @Schema(example = "Hydrogen energy") String nameEn,
			@Size(max = 20) @Schema(example = "五(二)") String planSection) {
	}

	/** New names for a field, with the version the client read. */
	record RenameField(String nameZh, String nameEn, @NotNull Long version) {
	}

}
