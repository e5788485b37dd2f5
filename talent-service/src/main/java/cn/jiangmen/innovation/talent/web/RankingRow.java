package cn.jiangmen.innovation.talent.web;

import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.TalentApplication;

/** One line of a call's ranking / recommendation list. */
public record RankingRow(Integer rank, UUID applicationId, String title, String category, String hostName,
		String creditCode, String leader, Integer scoreHundredths, Boolean passedThresholds, String status) {

	static RankingRow of(TalentApplication a) {
		var c = a.content();
		var outcome = a.reviewOutcome();
		return new RankingRow(outcome == null ? null : outcome.rank(), a.id().value(), a.title(),
				c.category() == null ? null : c.category().name(), c.host().name(),
				c.host().creditCode() == null ? null : c.host().creditCode().value(),
				c.leader().map(l -> l.name()).orElse(null), outcome == null ? null : outcome.scoreHundredths(),
				outcome == null ? null : outcome.passedThresholds(), a.status().name());
	}

}
