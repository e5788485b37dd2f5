package cn.jiangmen.innovation.platform.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one organisation directory (enterprises, universities, institutes) every service reads:
 * talent's host organisations, project consortia, review's conflicts of interest, funding's
 * beneficiaries and voucher providers. Services depend on this port only; where the entries live
 * is the adapter's business.
 */
public interface OrganisationDirectory {

	Optional<Organisation> find(UUID id);

	/** The entries of the ids that exist; unknown ids are absent from the map. */
	Map<UUID, Organisation> findAll(Collection<UUID> ids);

	/** Entries whose name contains {@code fragment} (case-insensitive), by name, at most {@code limit}. */
	List<Organisation> search(String fragment, int limit);

}
