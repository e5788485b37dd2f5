package cn.jiangmen.innovation.talent.domain;

/** Size limits for attachments, per file and per application (configuration decides the values). */
public record AttachmentLimits(long maxFileBytes, long maxApplicationBytes) {

	public AttachmentLimits {
		if (maxFileBytes <= 0 || maxApplicationBytes < maxFileBytes) {
			throw new IllegalArgumentException("Need 0 < maxFileBytes <= maxApplicationBytes");
		}
	}

}
