package cn.jiangmen.innovation.platform.attachment;

/**
 * Size limits for attachments: per file, and for all documents of one owner together (a talent
 * application, a proposal, a milestone's evidence). Configuration decides the values.
 */
public record AttachmentLimits(long maxFileBytes, long maxTotalBytes) {

	public AttachmentLimits {
		if (maxFileBytes <= 0 || maxTotalBytes < maxFileBytes) {
			throw new IllegalArgumentException("Need 0 < maxFileBytes <= maxTotalBytes");
		}
	}

}
