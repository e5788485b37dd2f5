package cn.jiangmen.innovation.project.application.document;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiangmen.innovation.project.domain.document.ProjectDocument;

/** What the audit trail keeps of a document (never its bytes). */
final class DocumentSnapshots {

	private DocumentSnapshots() {
	}

	static Map<String, Object> of(ProjectDocument d) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("ownerId", d.ownerId().toString());
		if (d.requirement() != null) {
			state.put("requirement", d.requirement());
		}
		state.put("filename", d.filename());
		state.put("type", d.type().name());
		state.put("size", d.size());
		state.put("sha256", d.sha256());
		return state;
	}

}
