package cn.jiangmen.innovation.talent.web;

import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.TalentApplication;

/** An application as the REST API shows it. */
public record ApplicationView(UUID id, UUID callId, UUID organisationId, String title, String status,
		Instant updatedAt) {

	static ApplicationView of(TalentApplication application) {
		return new ApplicationView(application.id().value(), application.callId(),
				application.organisationId().value(), application.title(), application.status().name(),
				application.updatedAt());
	}

}
