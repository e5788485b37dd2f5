package cn.jiangmen.innovation.project;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The organisation directory of project-service's tests: fixed entries, the first two being the
 * organisations of the realm's applicant1 and applicant2. It stands in for the Keycloak-backed
 * adapter (issue 9 item 8), which is not on this branch; it lives in src/test only.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestOrganisationDirectory {

	/** applicant1's organisation: a Jiangmen enterprise. */
	public static final Organisation OPTO = new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"),
			"江门市光电科技有限公司", "91440700MA4UJ1234X", OrganisationKind.ENTERPRISE, "江门");

	/** applicant2's organisation: a university in Jiangmen. */
	public static final Organisation WUYI = new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"),
			"五邑大学", "12440700455863XXXX", OrganisationKind.UNIVERSITY, "江门");

	/** An institute no realm user belongs to. */
	public static final Organisation ACADEMY = new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000003"),
			"广东省科学院智能制造研究所", "", OrganisationKind.INSTITUTE, "广州");

	/** An enterprise outside Jiangmen no realm user belongs to. */
	public static final Organisation FOSHAN = new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000004"),
			"佛山市某机械有限公司", "", OrganisationKind.ENTERPRISE, "佛山");

	static final List<Organisation> ENTRIES = List.of(OPTO, WUYI, ACADEMY, FOSHAN);

	@Bean
	OrganisationDirectory testOrganisationDirectory() {
		Map<UUID, Organisation> byId = ENTRIES.stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
		return new OrganisationDirectory() {

			@Override
			public Optional<Organisation> find(UUID id) {
				return Optional.ofNullable(byId.get(id));
			}

			@Override
			public Map<UUID, Organisation> findAll(Collection<UUID> ids) {
				return ids.stream().filter(byId::containsKey).distinct().collect(Collectors.toMap(id -> id, byId::get));
			}

			@Override
			public List<Organisation> search(String fragment, int limit) {
				return ENTRIES.stream()
					.filter(o -> o.name().toLowerCase().contains(fragment.toLowerCase()))
					.limit(limit)
					.toList();
			}

		};
	}

}
