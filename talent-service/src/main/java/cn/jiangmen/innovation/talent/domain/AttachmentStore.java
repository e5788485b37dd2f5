package cn.jiangmen.innovation.talent.domain;

import java.io.InputStream;

/** Where attachment bytes are kept, outside any web root, under their id only. */
public interface AttachmentStore {

	void put(AttachmentId id, byte[] content);

	InputStream open(AttachmentId id);

	void delete(AttachmentId id);

}
