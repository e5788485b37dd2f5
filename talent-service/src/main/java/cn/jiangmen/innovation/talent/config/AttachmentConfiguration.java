package cn.jiangmen.innovation.talent.config;

import cn.jiangmen.innovation.talent.application.AttachmentReaders;
import cn.jiangmen.innovation.talent.domain.AttachmentLimits;
import cn.jiangmen.innovation.talent.persistence.FileSystemAttachmentStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	@Bean
	FileSystemAttachmentStore attachmentStore(AttachmentProperties properties) {
		return new FileSystemAttachmentStore(properties.directory());
	}

	@Bean
	AttachmentLimits attachmentLimits(AttachmentProperties properties) {
		return new AttachmentLimits(properties.maxFileSize().toBytes(), properties.maxApplicationSize().toBytes());
	}

	/** Until review-service answers "is this expert assigned?" (issue 4), no expert reads attachments. */
	@Bean
	@ConditionalOnMissingBean
	AttachmentReaders.ReviewerAssignments reviewerAssignments() {
		return AttachmentReaders.ReviewerAssignments.NONE;
	}

}
