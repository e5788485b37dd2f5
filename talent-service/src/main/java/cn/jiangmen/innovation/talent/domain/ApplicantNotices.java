package cn.jiangmen.innovation.talent.domain;

import java.util.List;

/** Notices to host organisations, kept with the decisions that caused them. */
public interface ApplicantNotices {

	void add(ApplicantNotice notice);

	/** The organisation's notices, newest first. */
	List<ApplicantNotice> latest(OrganisationId organisationId, int offset, int limit);

}
