package cn.jiangmen.innovation.project.application;

import java.util.List;

import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.PriorityFields;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Priority fields are public reference data for every signed-in user, retired ones flagged. */
@Service
@Transactional(readOnly = true)
public class FieldQueries {

	private final PriorityFields fields;

	public FieldQueries(PriorityFields fields) {
		this.fields = fields;
	}

	public List<PriorityField> all() {
		return this.fields.all();
	}

	public List<PriorityField> page(PageRequest page) {
		return this.fields.page(page.offset(), page.size());
	}

}
