package cn.jiangmen.innovation.talent.domain;

/** Professional titles (职称) as codes; the portal translates them. */
public enum ProfessionalTitle {

	PROFESSOR, ASSOCIATE_PROFESSOR, RESEARCHER, ASSOCIATE_RESEARCHER, SENIOR_ENGINEER_PROFESSOR_LEVEL,
	SENIOR_ENGINEER, ENGINEER, OTHER, NONE

}
