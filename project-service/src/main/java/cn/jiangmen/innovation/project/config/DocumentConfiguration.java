package cn.jiangmen.innovation.project.config;

import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

	@Bean
	AttachmentLimits documentLimits(DocumentProperties properties) {
		return new AttachmentLimits(properties.maxFileSize().toBytes(), properties.maxTotalSize().toBytes());
	}

}
