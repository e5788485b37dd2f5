package cn.jiangmen.innovation.portal.review;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.review.v1.ItemResult;

/**
 * Geometry of the server-rendered SVG chart of score spread (no script): per item a bar from
 * mean - sd to mean + sd on a 0..100 axis, a dot at the mean, a tick at the median and a diamond at
 * the normalised score. Coordinates are computed here so the template only places them.
 */
public record SpreadChart(int width, int height, List<Row> rows, List<Tick> ticks) {

	/** Room left of the axis for the item's title. */
	static final int LEFT = 220;

	static final int TITLE_CHARS = 16;

	static final int PLOT = 520;

	static final int ROW = 28;

	public record Row(String title, int y, double barFrom, double barTo, double mean, double median,
			double normalised, boolean disagreement, boolean failed, String label) {

		/** The label sits right of the bar, kept inside the chart. */
		public double labelX() {
			return Math.min(this.barTo + 8, LEFT + PLOT + 10);
		}

		/** The title ends just left of the axis, shortened to fit (the table below has it whole). */
		public double titleX() {
			return LEFT - 8;
		}

		public String shortTitle() {
			return this.title.length() <= TITLE_CHARS ? this.title : this.title.substring(0, TITLE_CHARS - 1) + "…";
		}

	}

	public record Tick(double x, int value) {
	}

	static double x(double points) {
		double clamped = Math.max(0, Math.min(100, points));
		return Math.round((LEFT + clamped / 100.0 * PLOT) * 10) / 10.0;
	}

	static SpreadChart of(List<ItemResult> items, java.util.Map<String, String> titles) {
		List<Row> rows = new ArrayList<>();
		int y = 20;
		for (ItemResult item : items) {
			if (item.getSubmittedReviews() == 0) {
				continue;
			}
			double mean = item.getMeanHundredths() / 100.0;
			double sd = item.getStdDevHundredths() / 100.0;
			rows.add(new Row(titles.getOrDefault(item.getReviewItemId(), item.getReviewItemId()), y, x(mean - sd),
					x(mean + sd), x(mean), x(item.getMedianHundredths() / 100.0), x(item.getNormalisedHundredths() / 100.0),
					item.getDisagreement(), !item.getPassedThresholds(),
					String.format(java.util.Locale.ROOT, "%.2f ± %.2f", mean, sd)));
			y += ROW;
		}
		List<Tick> ticks = new ArrayList<>();
		for (int v = 0; v <= 100; v += 20) {
			ticks.add(new Tick(x(v), v));
		}
		return new SpreadChart(LEFT + PLOT + 120, y + 20, rows, ticks);
	}

}
