package cn.jiangmen.innovation.portal.project;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.jiangmen.innovation.contracts.project.v1.ProjectDocument;

/**
 * Where a progress report's evidence can be downloaded: a report names its documents by file name and
 * SHA-256 (project-service keeps them that way), the milestone's evidence list has their ids. Per
 * milestone id, the document id under {@code sha256 + "/" + name} ({@link #key}); a document the
 * report names but the milestone no longer holds has no link.
 */
public final class EvidenceLinks {

	private EvidenceLinks() {
	}

	public static Map<String, Map<String, String>> of(Collection<String> milestoneIds,
			Function<String, List<ProjectDocument>> evidence) {
		Map<String, Map<String, String>> links = new LinkedHashMap<>();
		for (String milestone : milestoneIds) {
			Map<String, String> ids = new LinkedHashMap<>();
			evidence.apply(milestone).forEach(d -> ids.putIfAbsent(key(d.getSha256(), d.getFilename()), d.getDocumentId()));
			links.put(milestone, ids);
		}
		return links;
	}

	public static String key(String sha256, String name) {
		return sha256 + "/" + name;
	}

}
