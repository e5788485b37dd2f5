package cn.jiangmen.innovation.platform.organisation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation directory kept in Keycloak's Organizations (the realm's {@code organizations},
 * attributes {@code creditCode}, {@code kind}, {@code city}), read through the admin API
 * {@code GET /admin/realms/<realm>/organizations?briefRepresentation=false}.
 * <p>
 * The whole directory (a city's host organisations: hundreds, not millions) is read at once and
 * kept in memory for {@code cacheTtl}; lookups and searches answer from that copy. Each replica
 * keeps its own copy, refreshed from the one source, so a second replica misses nothing but is at
 * most {@code cacheTtl} behind; Redis would add a network hop to every lookup to share a copy that
 * costs one small Keycloak call a minute to rebuild. When Keycloak cannot be read, the last copy
 * keeps answering (a page that names organisations should not fail because Keycloak restarts);
 * with no copy at all the lookup fails.
 */
public class KeycloakOrganisationDirectory implements OrganisationDirectory {

	private static final Logger log = LoggerFactory.getLogger(KeycloakOrganisationDirectory.class);

	private final OrganisationDirectoryProperties properties;

	private final Supplier<String> accessTokens;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	private volatile Snapshot snapshot;

	public KeycloakOrganisationDirectory(OrganisationDirectoryProperties properties, Supplier<String> accessTokens,
			JsonMapper json, Clock clock) {
		this.properties = properties;
		this.accessTokens = accessTokens;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	public Optional<Organisation> find(UUID id) {
		return Optional.ofNullable(current().byId().get(id));
	}

	@Override
	public Map<UUID, Organisation> findAll(Collection<UUID> ids) {
		Map<UUID, Organisation> all = current().byId();
		Map<UUID, Organisation> found = new LinkedHashMap<>();
		for (UUID id : ids) {
			Organisation organisation = all.get(id);
			if (organisation != null) {
				found.put(id, organisation);
			}
		}
		return found;
	}

	@Override
	public List<Organisation> search(String fragment, int limit) {
		String needle = fragment == null ? "" : fragment.strip().toLowerCase(Locale.ROOT);
		return current().byName()
			.stream()
			.filter(o -> o.name().toLowerCase(Locale.ROOT).contains(needle))
			.limit(Math.max(0, limit))
			.toList();
	}

	private Snapshot current() {
		Snapshot known = this.snapshot;
		Instant now = this.clock.instant();
		if (known != null && now.isBefore(known.readAt().plus(this.properties.cacheTtl()))) {
			return known;
		}
		synchronized (this) {
			known = this.snapshot;
			if (known != null && now.isBefore(known.readAt().plus(this.properties.cacheTtl()))) {
				return known;
			}
			try {
				Snapshot fresh = read(now);
				this.snapshot = fresh;
				return fresh;
			}
			catch (RuntimeException ex) {
				if (known == null) {
					throw ex;
				}
				log.warn("Organisation directory not refreshed, answering from the copy read at {}: {}", known.readAt(),
						ex.getMessage());
				return known;
			}
		}
	}

	private Snapshot read(Instant now) {
		List<Organisation> organisations = new ArrayList<>();
		int size = this.properties.pageSize();
		for (int first = 0;; first += size) {
			JsonNode page = get("/organizations?briefRepresentation=false&first=" + first + "&max=" + size);
			for (JsonNode entry : page) {
				toOrganisation(entry).ifPresent(organisations::add);
			}
			if (page.size() < size) {
				break;
			}
		}
		Map<UUID, Organisation> byId = new LinkedHashMap<>();
		organisations.forEach(o -> byId.put(o.id(), o));
		List<Organisation> byName = organisations.stream().sorted(Comparator.comparing(Organisation::name)).toList();
		return new Snapshot(Map.copyOf(byId), byName, now);
	}

	private JsonNode get(String path) {
		URI uri = URI.create(this.properties.adminUrl().toString().replaceAll("/+$", "") + path);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header("Authorization", "Bearer " + this.accessTokens.get())
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to GET " + uri);
			}
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the organisation directory at " + uri, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the organisation directory", ex);
		}
	}

	/** A disabled organisation, or one whose id is not a UUID, is not in the directory. */
	static Optional<Organisation> toOrganisation(JsonNode entry) {
		if (!entry.path("enabled").asBoolean(true)) {
			return Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(entry.path("id").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		JsonNode attributes = entry.path("attributes");
		return Optional.of(new Organisation(id, entry.path("name").asString(""), first(attributes, "creditCode"),
				kind(first(attributes, "kind")), first(attributes, "city")));
	}

	private static String first(JsonNode attributes, String name) {
		JsonNode values = attributes.path(name);
		return values.isArray() && !values.isEmpty() ? values.get(0).asString("").strip() : "";
	}

	private static OrganisationKind kind(String text) {
		try {
			return OrganisationKind.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return OrganisationKind.OTHER;
		}
	}

	private record Snapshot(Map<UUID, Organisation> byId, List<Organisation> byName, Instant readAt) {
	}

}
