package cn.jiangmen.innovation.talent.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentResponse;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.application.AttachmentService;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentId;
import com.google.protobuf.ByteString;

import org.springframework.stereotype.Component;

/** The RPCs around an application's documents: upload, list, download, delete. */
@Component
class AttachmentRpcs {

	private final AttachmentService attachments;

	AttachmentRpcs(AttachmentService attachments) {
		this.attachments = attachments;
	}

	UploadAttachmentResponse upload(UploadAttachmentRequest request) {
		Attachment attachment = this.attachments.upload(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"), request.getKind(),
				request.getFilename(), request.getContent().toByteArray());
		return UploadAttachmentResponse.newBuilder().setAttachment(AttachmentMapper.attachment(attachment)).build();
	}

	ListAttachmentsResponse list(ListAttachmentsRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		List<Attachment> items = ListPages.slice(this.attachments.list(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id")), page);
		return ListAttachmentsResponse.newBuilder()
			.addAllAttachments(items.stream().map(AttachmentMapper::attachment).toList())
			.setNextPageToken(page.nextToken(items.size()))
			.build();
	}

	DownloadAttachmentResponse download(DownloadAttachmentRequest request) {
		AttachmentService.Download download = this.attachments.download(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"),
				AttachmentId.parse(request.getAttachmentId(), "attachment_id"));
		return DownloadAttachmentResponse.newBuilder()
			.setAttachment(AttachmentMapper.attachment(download.attachment()))
			.setContent(ByteString.copyFrom(download.content()))
			.build();
	}

	DeleteAttachmentResponse delete(DeleteAttachmentRequest request) {
		this.attachments.remove(Callers.current(), ApplicationId.parse(request.getApplicationId(), "application_id"),
				AttachmentId.parse(request.getAttachmentId(), "attachment_id"));
		return DeleteAttachmentResponse.getDefaultInstance();
	}

}
