package cn.jiangmen.innovation.talent.config;

import cn.jiangmen.innovation.talent.domain.AttachmentLimits;
import cn.jiangmen.innovation.talent.persistence.FileSystemAttachmentStore;

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

}
