package cn.jiangmen.innovation.talent.domain;

/** A person's role on an application: exactly one leader (the applicant talent), any members. */
public enum MemberRole {

	LEADER, CORE_MEMBER, MEMBER

}
