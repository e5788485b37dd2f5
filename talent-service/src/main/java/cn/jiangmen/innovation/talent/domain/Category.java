package cn.jiangmen.innovation.talent.domain;

/**
 * What a call funds (seed 四(二), Pearl River Talent / Special Support): innovation and
 * entrepreneurship teams (创新创业团队) in two sub-types, leading talents (领军人才) and overseas young
 * talents (海外青年英才).
 */
public enum Category {

	/** 创新创业团队 — 技术研发与产业化. */
	TEAM_RND_INDUSTRIALISATION(true),
	/** 创新创业团队 — 应用基础研究. */
	TEAM_APPLIED_BASIC_RESEARCH(true),
	/** 领军人才. */
	LEADING_TALENT(false),
	/** 海外青年英才. */
	OVERSEAS_YOUNG_TALENT(false);

	private final boolean team;

	Category(boolean team) {
		this.team = team;
	}

	/** Team categories are applied for by a team with a leader; the others by one person. */
	public boolean isTeam() {
		return this.team;
	}

}
