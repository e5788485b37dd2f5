package cn.jiangmen.innovation.talent.application;

import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.talent.domain.TalentAccess;

import org.springframework.stereotype.Component;

/**
 * Who may read an application's attachments: its organisation, managers and auditors (the
 * application's own visibility rule) and, through {@link ReviewerAssignments}, experts assigned to
 * review it.
 */
@Component
public class AttachmentReaders {

	/**
	 * Whether an expert is assigned to review an application, without a declared or detected
	 * conflict and after declaring none (review-service decides; the grpc adapter asks it).
	 */
	public interface ReviewerAssignments {

		ReviewerAssignments NONE = (caller, application) -> false;

		boolean isAssignedReviewer(Caller caller, ApplicationId application);

	}

	private final ReviewerAssignments assignments;

	public AttachmentReaders(ReviewerAssignments assignments) {
		this.assignments = assignments;
	}

	public boolean mayRead(Caller caller, TalentApplication application) {
		return application.isVisibleTo(caller)
				|| (TalentAccess.isExpert(caller) && this.assignments.isAssignedReviewer(caller, application.id()));
	}

}
