package cn.jiangmen.innovation.platform.organisation;

import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the organisation directory that every service reads and none retypes: host
 * organisations of talent applications, consortium members of major projects, voucher providers,
 * the organisations that make an expert's conflicts of interest.
 *
 * @param id stable id (the directory's own; applicants' tokens name it)
 * @param name the registered name, in Chinese
 * @param creditCode 统一社会信用代码 (18 characters); empty where the directory has none
 * @param kind enterprise, university, institute ...
 * @param city where it is registered (e.g. "江门"): the lead of a major project must be a Jiangmen enterprise
 */
public record Organisation(UUID id, String name, String creditCode, OrganisationKind kind, String city) {

	public Organisation {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(creditCode, "creditCode");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(city, "city");
	}

	public boolean isJiangmenEnterprise() {
		return this.kind == OrganisationKind.ENTERPRISE && this.city.startsWith("江门");
	}

	public boolean isResearchBody() {
		return this.kind == OrganisationKind.UNIVERSITY || this.kind == OrganisationKind.INSTITUTE;
	}

}
