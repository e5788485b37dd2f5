package cn.jiangmen.innovation.project.domain;

import java.util.List;

/** The priority fields (implemented in persistence). */
public interface PriorityFields {

	/** In plan order: city-level fields first, then province-city linked ones. */
	List<PriorityField> all();

}
