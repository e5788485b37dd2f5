package cn.jiangmen.innovation.project.domain;

import java.util.List;
import java.util.Optional;

/** Where calls are kept. */
public interface ProjectCalls {

	void add(ProjectCall call);

	/** False when the stored version is not {@code next.version() - 1} (someone else changed it). */
	boolean update(ProjectCall next);

	Optional<ProjectCall> find(CallId id);

	/** Latest first; drafts only when {@code withDrafts}; one field when {@code fieldCode} is not null. */
	List<ProjectCall> page(boolean withDrafts, String fieldCode, int offset, int size);

}
