package cn.jiangmen.innovation.portal.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.jiangmen.innovation.platform.export.Xlsx;
import cn.jiangmen.innovation.platform.web.ContentDispositions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The finance tables as downloads: CSV (UTF-8 with BOM so that Excel reads Chinese; a cell that
 * starts like a formula is quoted with ' so it stays text) and XLSX through platform's writer
 * (amounts as numbers, every text as text).
 */
public final class Exports {

	private Exports() {
	}

	public static ResponseEntity<byte[]> csv(String filename, List<String> header, List<List<Object>> rows) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, header);
		for (List<Object> row : rows) {
			line(csv, row.stream()
				.map(cell -> cell == null ? "" : cell instanceof BigDecimal number ? number.toPlainString() : cell.toString())
				.toList());
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(filename + ".csv"))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	public static ResponseEntity<byte[]> xlsx(String filename, String sheet, List<String> header, List<List<Object>> rows) {
		return ResponseEntity.ok()
			.contentType(Xlsx.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(filename + ".xlsx"))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(Xlsx.of(sheet, header, rows));
	}

	private static void line(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String text = cells.get(i) == null ? "" : cells.get(i);
			if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
				text = "'" + text;
			}
			out.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		out.append("\r\n");
	}

}
