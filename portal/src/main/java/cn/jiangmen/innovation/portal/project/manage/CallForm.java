package cn.jiangmen.innovation.portal.project.manage;

import java.util.List;

import org.springframework.util.MultiValueMap;

/**
 * What the manager typed into the call form, as posted (bound by name; topics as three rows of
 * parallel inputs, since the form has a fixed number of rows and no script is needed to add one).
 */
public record CallForm(String fieldCode, String year, String title, List<String> topicCodes, List<String> topicTitles,
		List<String> topicResearch, String ceiling, String maxFiscalShare, String documents, String guideline,
		String opensAt, String closesAt) {

	public CallForm {
		fieldCode = fieldCode == null ? "" : fieldCode;
		year = year == null ? "" : year;
		title = title == null ? "" : title;
		topicCodes = topicCodes == null ? List.of() : topicCodes;
		topicTitles = topicTitles == null ? List.of() : topicTitles;
		topicResearch = topicResearch == null ? List.of() : topicResearch;
		ceiling = ceiling == null ? "" : ceiling;
		maxFiscalShare = maxFiscalShare == null ? "" : maxFiscalShare;
		documents = documents == null ? "" : documents;
		guideline = guideline == null ? "" : guideline;
		opensAt = opensAt == null ? "" : opensAt;
		closesAt = closesAt == null ? "" : closesAt;
	}

	static CallForm empty() {
		return new CallForm("", "", "", List.of(), List.of(), List.of(), "", "30", "", "", "", "");
	}

	/** The form as posted, or as a refused post brought it back (POST-redirect-GET). */
	static CallForm of(MultiValueMap<String, String> posted) {
		return new CallForm(posted.getFirst("fieldCode"), posted.getFirst("year"), posted.getFirst("title"),
				posted.get("topicCodes"), posted.get("topicTitles"), posted.get("topicResearch"),
				posted.getFirst("ceiling"), posted.getFirst("maxFiscalShare"), posted.getFirst("documents"),
				posted.getFirst("guideline"), posted.getFirst("opensAt"), posted.getFirst("closesAt"));
	}

	public String topicCode(int row) {
		return row < this.topicCodes.size() ? this.topicCodes.get(row) : "";
	}

	public String topicTitle(int row) {
		return row < this.topicTitles.size() ? this.topicTitles.get(row) : "";
	}

	/** A checked box posts its row number ("0", "2"), so unchecked rows are simply absent. */
	public boolean topicResearch(int row) {
		return this.topicResearch.contains(String.valueOf(row));
	}

}
