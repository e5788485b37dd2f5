package cn.jiangmen.innovation.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The report's chart, drawn here as SVG (no plotting library): two panels over concurrency (log 2
 * axis), throughput on the left and p99 latency on the right, gateway and direct as two lines, the
 * 250 ms p99 goal as a dashed line.
 */
final class Chart {

	private static final int W = 440;

	private static final int H = 300;

	private static final int L = 60;

	private static final int B = 40;

	private static final int T = 30;

	private Chart() {
	}

	static String submissions(List<Stats> gateway, List<Stats> direct, double p99GoalMs) {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(2 * W + 20)
			.append("\" height=\"").append(H + 30).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		panel(svg, 0, "Submissions/s vs concurrency", gateway, direct, false, 0);
		panel(svg, W + 20, "p99 latency (ms) vs concurrency", gateway, direct, true, p99GoalMs);
		int y = H + 20;
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d4351c\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">through the gateway</text>\n",
				L, y - 4, L + 30, y - 4, L + 36, y));
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1d70b8\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">direct at talent-service</text>\n",
				L + 200, y - 4, L + 230, y - 4, L + 236, y));
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static void panel(StringBuilder svg, int x0, String title, List<Stats> gateway, List<Stats> direct,
			boolean latency, double goal) {
		double maxC = 1;
		double maxY = latency ? goal : 1;
		for (List<Stats> series : List.of(gateway, direct)) {
			for (Stats s : series) {
				maxC = Math.max(maxC, s.concurrency());
				double v = value(s, latency);
				if (!Double.isNaN(v)) {
					maxY = Math.max(maxY, v);
				}
			}
		}
		maxY = niceCeiling(maxY * 1.1);
		double minC = 1;
		for (List<Stats> series : List.of(gateway, direct)) {
			for (Stats s : series) {
				minC = minC == 1 ? s.concurrency() : Math.min(minC, s.concurrency());
			}
		}
		double lo = Math.log(Math.max(1, minC)) / Math.log(2);
		double hi = Math.max(lo + 1, Math.log(maxC) / Math.log(2));
		int plotW = W - L - 10;
		int plotH = H - T - B;
		svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\">\n", x0));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"bold\">%s</text>\n", L, title));
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n", L, T, plotW, plotH));
		for (int i = 0; i <= 4; i++) {
			double v = maxY * i / 4;
			double y = T + plotH - plotH * i / 4.0;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
					L, y, L + plotW, y, L - 4, y + 4, label(v)));
		}
		for (double e = lo; e <= hi + 1e-9; e++) {
			double x = L + plotW * (e - lo) / (hi - lo);
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x,
					T + plotH + 16, (int) Math.round(Math.pow(2, e))));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrent clients</text>\n",
				L + plotW / 2, T + plotH + 32));
		if (latency && goal > 0) {
			double y = T + plotH - plotH * goal / maxY;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#505a5f\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" fill=\"#505a5f\">goal %s ms</text>\n",
					L, y, L + plotW, y, L + 4, y - 4, label(goal)));
		}
		line(svg, gateway, latency, "#d4351c", lo, hi, plotW, plotH, maxY);
		line(svg, direct, latency, "#1d70b8", lo, hi, plotW, plotH, maxY);
		svg.append("</g>\n");
	}

	private static void line(StringBuilder svg, List<Stats> series, boolean latency, String colour, double lo, double hi,
			int plotW, int plotH, double maxY) {
		StringBuilder points = new StringBuilder();
		for (Stats s : series) {
			double v = value(s, latency);
			if (Double.isNaN(v)) {
				continue;
			}
			double x = L + plotW * (Math.log(s.concurrency()) / Math.log(2) - lo) / (hi - lo);
			double y = T + plotH - plotH * Math.min(v, maxY) / maxY;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", x, y, colour));
		}
		svg.append(String.format(Locale.ROOT,
				"<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", points.toString().trim(), colour));
	}

	private static double value(Stats s, boolean latency) {
		return latency ? s.percentileMs(99) : s.throughput();
	}

	private static double niceCeiling(double v) {
		if (v <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= v) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String label(double v) {
		return v >= 10 || v == 0 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
	}

}
