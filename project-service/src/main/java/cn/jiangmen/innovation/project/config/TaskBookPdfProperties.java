package cn.jiangmen.innovation.project.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The task book PDF ({@code jiangmen.project.task-book-pdf.*}). The font must be TrueType (glyf
 * outlines) so that PDFBox can embed a subset: Debian's fonts-wqy-zenhei has one with Latin and CJK
 * glyphs. fonts-noto-cjk's files are CFF-based OpenType, which PDFBox 3 does not embed as Type 0
 * ('head' table is mandatory), and fonts-droid-fallback has no Latin glyphs.
 *
 * @param fontFile a .ttf, or a .ttc collection holding {@code fontName}
 * @param fontName the font's PostScript name inside a collection
 */
@ConfigurationProperties("jiangmen.project.task-book-pdf")
public record TaskBookPdfProperties(
		@DefaultValue("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc") String fontFile,
		@DefaultValue("WenQuanYiZenHei") String fontName) {
}
