package cn.jiangmen.innovation.project.application;

import java.util.List;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.CallStatus;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Calls as a caller may see them: published and closed ones for everyone, drafts for the bureau. */
@Service
@Transactional(readOnly = true)
public class CallQueries {

	private final ProjectCalls calls;

	public CallQueries(ProjectCalls calls) {
		this.calls = calls;
	}

	public ProjectCall get(Caller caller, CallId id) {
		return this.calls.find(id)
			.filter(c -> c.status() != CallStatus.DRAFT || ProjectAccess.seesDraftCalls(caller))
			.orElseThrow(() -> new NotFoundException("Call", id));
	}

	public List<ProjectCall> page(Caller caller, String fieldCode, PageRequest page) {
		return this.calls.page(ProjectAccess.seesDraftCalls(caller), fieldCode, page.offset(), page.size());
	}

}
