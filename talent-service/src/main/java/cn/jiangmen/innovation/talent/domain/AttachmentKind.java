package cn.jiangmen.innovation.talent.domain;

import java.util.EnumSet;
import java.util.Set;

/** What a document is for; each category requires some of them before submission. */
public enum AttachmentKind {

	/** 申报书: the proposal. */
	PROPOSAL,
	/** CVs of the leader and members. */
	CV,
	/** Employment / full-time commitment contract with the host organisation. */
	CONTRACT,
	/** Anything else the applicant wants to add (certificates, papers, patents). */
	OTHER;

	/** The documents every application of the category needs: proposal, CVs and the contract. */
	public static Set<AttachmentKind> requiredFor(Category category) {
		return EnumSet.of(PROPOSAL, CV, CONTRACT);
	}

}
