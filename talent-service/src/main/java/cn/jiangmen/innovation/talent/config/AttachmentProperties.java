package cn.jiangmen.innovation.talent.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where attachments are stored and how large they may be ({@code talent.attachments.*}); the
 * directory defaults to {@code ./.run/attachments}, or {@code ATTACHMENT_DIR}.
 */
@ConfigurationProperties("talent.attachments")
public record AttachmentProperties(Path directory, DataSize maxFileSize, DataSize maxApplicationSize) {

	public AttachmentProperties {
		directory = directory == null ? Path.of(".run", "attachments") : directory;
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
		maxApplicationSize = maxApplicationSize == null ? DataSize.ofMegabytes(50) : maxApplicationSize;
	}

}
