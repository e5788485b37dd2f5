package cn.jiangmen.innovation.project.domain;

import java.util.List;
import java.util.Optional;

/** The priority fields (implemented in persistence). */
public interface PriorityFields {

	/** In plan order (sort order, then code), retired ones included. */
	List<PriorityField> all();

	/** One page of {@link #all()}. */
	List<PriorityField> page(int offset, int size);

	Optional<PriorityField> find(String code);

	/** The sort order after the last field, so an added field lists last. */
	int nextSortOrder();

	/** Stores a new field; false when the code is taken (also by a retired field). */
	boolean add(PriorityField field);

	/** Writes {@code next} if the stored field is still at {@code next.version() - 1}. */
	boolean update(PriorityField next);

}
