package cn.jiangmen.innovation.talent.application;

import java.util.List;

import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentApplications;
import cn.jiangmen.innovation.talent.domain.Viewer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of applications, with the per-object visibility rule applied on every path. */
@Service
@Transactional(readOnly = true)
public class ApplicationQueries {

	private final TalentApplications applications;

	public ApplicationQueries(TalentApplications applications) {
		this.applications = applications;
	}

	public List<TalentApplication> visibleTo(Viewer viewer, PageRequest page) {
		if (viewer.seesAllApplications()) {
			return this.applications.all(page.offset(), page.size());
		}
		if (viewer.isApplicant()) {
			return this.applications.ofOrganisation(viewer.organisationId().orElseThrow(), page.offset(), page.size());
		}
		return List.of();
	}

	/** Not visible is reported as not found, so ids of other organisations cannot be probed. */
	public TalentApplication get(ApplicationId id, Viewer viewer) {
		return this.applications.find(id)
			.filter(application -> application.isVisibleTo(viewer))
			.orElseThrow(() -> new NotFoundException("Application", id));
	}

}
