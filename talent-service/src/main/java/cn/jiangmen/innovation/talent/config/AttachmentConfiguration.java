package cn.jiangmen.innovation.talent.config;

import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;
import cn.jiangmen.innovation.talent.application.AttachmentFolderImport;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	@Bean
	AttachmentLimits attachmentLimits(AttachmentProperties properties) {
		return new AttachmentLimits(properties.maxFileSize().toBytes(), properties.maxApplicationSize().toBytes());
	}

	/**
	 * Brings the files of the old folder store into the database on every start (idempotent: a
	 * replica without the folder does nothing).
	 */
	@Bean
	ApplicationRunner oldAttachmentFolderImport(AttachmentFolderImport folderImport, AttachmentProperties properties) {
		return args -> folderImport.importFolder(properties.oldFolder());
	}

}
