package cn.jiangmen.innovation.talent.application;

import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.Viewer;

import org.springframework.stereotype.Component;

/**
 * Who may read an application's attachments: its organisation, managers and auditors (the
 * application's own visibility rule) and, through {@link ReviewerAssignments}, experts assigned to
 * review it.
 */
@Component
public class AttachmentReaders {

	/**
	 * The hook for issue 4 (expert review): answers whether an expert is assigned to an application
	 * without a declared or detected conflict. Until review-service offers that over gRPC the
	 * answer is no; replace the {@link #NONE} bean with a gRPC-backed one.
	 */
	public interface ReviewerAssignments {

		ReviewerAssignments NONE = (viewer, application) -> false;

		boolean isAssignedReviewer(Viewer viewer, ApplicationId application);

	}

	private final ReviewerAssignments assignments;

	public AttachmentReaders(ReviewerAssignments assignments) {
		this.assignments = assignments;
	}

	public boolean mayRead(Viewer viewer, TalentApplication application) {
		return application.isVisibleTo(viewer)
				|| (viewer.roles().contains("expert") && this.assignments.isAssignedReviewer(viewer, application.id()));
	}

}
