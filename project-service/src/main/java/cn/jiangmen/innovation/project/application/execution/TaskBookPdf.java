package cn.jiangmen.innovation.project.application.execution;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.project.application.execution.ExecutionQueries.TaskBookView;
import cn.jiangmen.innovation.project.config.TaskBookPdfProperties;
import cn.jiangmen.innovation.project.domain.execution.Fen;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.stereotype.Component;

/**
 * Renders the task book (任务书) as an A4 PDF under the bureau's header, in Chinese with English
 * beside it, with a subset of a CJK TrueType font embedded so it reads the same on every machine.
 */
@Component
public class TaskBookPdf {

	static final String BUREAU = "江门市科学技术局";

	private static final float MARGIN = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ProjectLookup.BUREAU_ZONE);

	private final TaskBookPdfProperties properties;

	public TaskBookPdf(TaskBookPdfProperties properties) {
		this.properties = properties;
	}

	public byte[] render(TaskBookView view) {
		File file = new File(this.properties.fontFile());
		try (PDDocument document = new PDDocument();
				TrueTypeCollection collection = file.getName().endsWith(".ttc") ? new TrueTypeCollection(file) : null) {
			PDType0Font font = collection == null ? PDType0Font.load(document, file)
					: PDType0Font.load(document, font(collection), true);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("任务书 Task book: " + view.project().title());
			info.setAuthor(BUREAU);
			Writer writer = new Writer(document, font);
			writer.centred(BUREAU, 20);
			writer.centred("Jiangmen Municipal Science and Technology Bureau", 11);
			writer.gap(6);
			writer.centred("重大科技专项 任务书", 16);
			writer.centred("Task book of a major S&T special project", 11);
			writer.gap(12);
			writer.line("项目名称 Project: " + view.project().title(), 12);
			writer.line("项目编号 Project id: " + view.project().id(), 10);
			writer.line("重点领域 Field: " + view.project().fieldCode().orElse("-"), 10);
			writer.line("承担单位 Lead organisation: " + view.project().leadOrganisation(), 10);
			writer.line("批准财政资金 Approved fiscal funding: " + Fen.words(view.project().approvedFiscalFen()), 10);
			writer.gap(10);
			writer.line("里程碑 Milestones", 13);
			for (PlannedMilestone milestone : view.milestones()) {
				writer.gap(4);
				writer.line(milestone.sequence() + ". " + milestone.title(), 12);
				writer.line("    完成期限 Due: " + milestone.dueDate().map(Object::toString).orElse("-")
						+ "    拨付 Tranche: " + Fen.words(milestone.trancheFen()), 10);
				writer.line("    交付成果 Deliverables: " + milestone.deliverables(), 10);
				for (KpiTarget target : view.kpiTargets()) {
					if (target.milestoneId().equals(milestone.id())) {
						writer.line("    考核指标 KPI: " + target.name() + " ≥ " + target.target().toPlainString() + " "
								+ target.unit(), 10);
					}
				}
			}
			writer.gap(12);
			writer.line("签署 Signatures", 13);
			writer.line("下达 Issued: " + view.taskBook().issuedBy() + ", " + TIME.format(view.taskBook().issuedAt()), 10);
			writer.line("承担单位确认 Accepted by the lead organisation: " + signature(view.taskBook().acceptedBy(),
					view.taskBook().acceptedAt()), 10);
			writer.line("科技局会签 Countersigned by the bureau: " + signature(view.taskBook().countersignedBy(),
					view.taskBook().countersignedAt()), 10);
			writer.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the task book with font " + file, ex);
		}
	}

	private TrueTypeFont font(TrueTypeCollection collection) throws IOException {
		TrueTypeFont font = collection.getFontByName(this.properties.fontName());
		if (font == null) {
			throw new IOException("No font " + this.properties.fontName() + " in " + this.properties.fontFile());
		}
		return font;
	}

	private static String signature(Optional<String> by, Optional<Instant> at) {
		return by.map(name -> name + ", " + at.map(TIME::format).orElse("")).orElse("— 待签 pending");
	}

	/** Writes lines top to bottom, wrapping at the margin and starting a new page when one is full. */
	private static final class Writer {

		private final PDDocument document;

		private final PDType0Font font;

		private PDPageContentStream stream;

		private float y;

		Writer(PDDocument document, PDType0Font font) throws IOException {
			this.document = document;
			this.font = font;
			newPage();
		}

		void centred(String text, float size) throws IOException {
			String safe = printable(text);
			float width = this.font.getStringWidth(safe) / 1000 * size;
			write(safe, size, (PDRectangle.A4.getWidth() - width) / 2);
		}

		void line(String text, float size) throws IOException {
			for (String part : wrap(printable(text), size)) {
				write(part, size, MARGIN);
			}
		}

		void gap(float points) {
			this.y -= points;
		}

		void close() throws IOException {
			this.stream.close();
		}

		private void write(String text, float size, float x) throws IOException {
			if (this.y - size < MARGIN) {
				this.stream.close();
				newPage();
			}
			this.y -= size * 1.5f;
			this.stream.beginText();
			this.stream.setFont(this.font, size);
			this.stream.newLineAtOffset(x, this.y);
			this.stream.showText(text);
			this.stream.endText();
		}

		private void newPage() throws IOException {
			PDPage page = new PDPage(PDRectangle.A4);
			this.document.addPage(page);
			this.stream = new PDPageContentStream(this.document, page);
			this.y = PDRectangle.A4.getHeight() - MARGIN;
		}

		private List<String> wrap(String text, float size) throws IOException {
			float max = PDRectangle.A4.getWidth() - 2 * MARGIN;
			List<String> lines = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (int offset = 0; offset < text.length();) {
				int codePoint = text.codePointAt(offset);
				String next = current + new String(Character.toChars(codePoint));
				if (this.font.getStringWidth(next) / 1000 * size > max && current.length() > 0) {
					lines.add(current.toString());
					current.setLength(0);
					current.append(Character.toChars(codePoint));
				}
				else {
					current.setLength(0);
					current.append(next);
				}
				offset += Character.charCount(codePoint);
			}
			lines.add(current.toString());
			return lines;
		}

		/** Control characters become spaces and characters the font lacks '?', so any text renders. */
		private String printable(String text) {
			StringBuilder out = new StringBuilder();
			text.codePoints().forEach(codePoint -> {
				if (Character.isISOControl(codePoint)) {
					out.append(' ');
					return;
				}
				String character = new String(Character.toChars(codePoint));
				try {
					this.font.encode(character);
					out.append(character);
				}
				catch (IOException | IllegalArgumentException ex) {
					out.append('?');
				}
			});
			return out.toString();
		}

	}

}
