package cn.jiangmen.innovation.project.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Size limits of proposal documents and milestone evidence ({@code jiangmen.project.documents.*}),
 * the same as talent's attachments.
 *
 * @param maxFileSize the largest file accepted (multipart and gRPC message limits sit a little above)
 * @param maxTotalSize all documents of one proposal, or all evidence of one milestone, together
 */
@ConfigurationProperties("jiangmen.project.documents")
public record DocumentProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("50MB") DataSize maxTotalSize) {
}
