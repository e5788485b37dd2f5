package cn.jiangmen.innovation.talent.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment limits and the old folder store ({@code talent.attachments.*}).
 *
 * @param oldFolder where the folder store kept files before the bytes moved into PostgreSQL
 * ({@code ATTACHMENT_DIR}, default {@code ./.run/attachments}); its files are moved into the
 * database on start, nothing is written there any more
 * @param maxFileSize the largest file accepted
 * @param maxApplicationSize all documents of one application together
 */
@ConfigurationProperties("talent.attachments")
public record AttachmentProperties(@DefaultValue(".run/attachments") Path oldFolder,
		@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("50MB") DataSize maxApplicationSize) {

}
