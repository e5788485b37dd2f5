package cn.jiangmen.innovation.portal.finance;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Beneficiaries' names from the organisation directory (platform {@link OrganisationDirectory}):
 * awards committed by talent or project-service carry only the organisation's id, and a batch line
 * only the account holder's name as finance typed it. A directory that is down or absent costs the
 * page its names, never the page: the recorded name or the id stands in.
 */
@Component
public class Beneficiaries {

	private static final Logger log = LoggerFactory.getLogger(Beneficiaries.class);

	private final ObjectProvider<OrganisationDirectory> directory;

	public Beneficiaries(ObjectProvider<OrganisationDirectory> directory) {
		this.directory = directory;
	}

	/** The directory's names of those ids it knows; ids that are not UUIDs are skipped. */
	Map<String, String> names(Collection<String> organisationIds) {
		OrganisationDirectory organisations = this.directory.getIfAvailable();
		Map<String, String> names = new HashMap<>();
		if (organisations == null || organisationIds.isEmpty()) {
			return names;
		}
		Map<UUID, String> byId = new HashMap<>();
		for (String id : organisationIds) {
			try {
				byId.put(UUID.fromString(id), id);
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				// not a directory id (a test's or an old record's): keep what was recorded
			}
		}
		if (byId.isEmpty()) {
			return names;
		}
		try {
			for (Map.Entry<UUID, Organisation> e : organisations.findAll(byId.keySet()).entrySet()) {
				names.put(byId.get(e.getKey()), e.getValue().name());
			}
		}
		catch (RuntimeException ex) {
			log.warn("organisation directory unavailable, names as recorded: {}", ex.toString());
		}
		return names;
	}

	/** The directory's name, else the recorded one, else the id. */
	static String pick(Map<String, String> names, String organisationId, String recorded) {
		String found = names.get(organisationId);
		if (found != null && !found.isBlank()) {
			return found;
		}
		return recorded == null || recorded.isBlank() ? Objects.toString(organisationId, "") : recorded;
	}

}
