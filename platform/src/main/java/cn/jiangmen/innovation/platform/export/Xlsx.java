package cn.jiangmen.innovation.platform.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.http.MediaType;

/**
 * One-sheet XLSX for spreadsheet users, written with POI's streaming workbook: a bold, frozen
 * header row with a filter, column widths from the content (CJK characters count double), numbers
 * as numeric cells ({@link BigDecimal} with two decimals), booleans as boolean cells, everything
 * else as a plain string cell, so nothing a person typed is ever run as a formula.
 * <p>
 * Apache POI is an optional dependency of platform: a module that exports declares
 * {@code poi-ooxml} itself (talent-service for its REST export, the portal for its translated one).
 */
public final class Xlsx {

	public static final MediaType MEDIA_TYPE = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** Rows kept in memory before SXSSF flushes them to its temporary file. */
	private static final int WINDOW = 200;

	private static final int MIN_WIDTH = 6;

	private static final int MAX_WIDTH = 60;

	private Xlsx() {
	}

	public static byte[] of(String sheetName, List<String> header, List<List<Object>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle integer = workbook.createCellStyle();
			integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
			CellStyle decimal = workbook.createCellStyle();
			decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));

			int[] widths = new int[header.size()];
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(header.get(c));
				cell.setCellStyle(bold);
				widths[c] = displayWidth(header.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof BigDecimal number) {
						cell.setCellValue(number.doubleValue());
						cell.setCellStyle(decimal);
					}
					else if (value instanceof Integer || value instanceof Long) {
						cell.setCellValue(((Number) value).doubleValue());
						cell.setCellStyle(integer);
					}
					else if (value instanceof Boolean flag) {
						cell.setCellValue(flag);
					}
					else {
						cell.setCellValue(text(value.toString()));
					}
					if (c < widths.length) {
						widths[c] = Math.max(widths[c], displayWidth(value.toString()));
					}
				}
			}
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
			}
			sheet.createFreezePane(0, 1);
			if (!header.isEmpty()) {
				sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, header.size() - 1));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A cell holds at most 32,767 characters; longer text is cut rather than failing the export. */
	static String text(String value) {
		int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
		return value.length() <= max ? value : value.substring(0, max);
	}

	/** Characters as a spreadsheet shows them: East Asian wide characters take two columns. */
	static int displayWidth(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			width += c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
					|| (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
					|| (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1;
		}
		return width;
	}

}
