package cn.jiangmen.innovation.platform.organisation;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A directory over a fixed list: for web slices and unit tests of code that reads the directory
 * (the running services read Keycloak's, {@link KeycloakOrganisationDirectory}). Same contract:
 * search by part of the name, case-insensitive, in name order.
 */
public class InMemoryOrganisationDirectory implements OrganisationDirectory {

	private final Map<UUID, Organisation> byId = new LinkedHashMap<>();

	public InMemoryOrganisationDirectory(Collection<Organisation> organisations) {
		organisations.forEach(o -> this.byId.put(o.id(), o));
	}

	@Override
	public Optional<Organisation> find(UUID id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public Map<UUID, Organisation> findAll(Collection<UUID> ids) {
		Map<UUID, Organisation> found = new LinkedHashMap<>();
		ids.forEach(id -> find(id).ifPresent(o -> found.put(id, o)));
		return found;
	}

	@Override
	public List<Organisation> search(String fragment, int limit) {
		String needle = fragment == null ? "" : fragment.strip().toLowerCase(Locale.ROOT);
		return this.byId.values()
			.stream()
			.filter(o -> o.name().toLowerCase(Locale.ROOT).contains(needle))
			.sorted(Comparator.comparing(Organisation::name))
			.limit(Math.max(0, limit))
			.toList();
	}

}
