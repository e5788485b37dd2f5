package cn.jiangmen.innovation.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

/** The report's arithmetic and chart, without any load (nothing here is timed). */
class StatsAndChartTest {

	@Test
	void percentilesAreNearestRankOverSuccessfulOperationsOnly() {
		long[] nanos = new long[100];
		for (int i = 0; i < 100; i++) {
			nanos[i] = (100 - i) * 1_000_000L;
		}
		Stats stats = Stats.of("x", 4, nanos, 100, 3, 2.0, Map.of("200", 100L, "429", 3L));
		assertThat(stats.percentileMs(50)).isEqualTo(50.0);
		assertThat(stats.percentileMs(99)).isEqualTo(99.0);
		assertThat(stats.percentileMs(100)).isEqualTo(100.0);
		assertThat(stats.throughput()).isEqualTo(50.0);
		assertThat(stats.toMap()).containsEntry("failed", 3L).containsEntry("p95Ms", 95.0);
	}

	@Test
	void noSuccessfulOperationGivesNoLatencyRatherThanZero() {
		Stats stats = Stats.of("x", 1, new long[5], 0, 5, 1.0, Map.of("503", 5L));
		assertThat(stats.percentileMs(99)).isNaN();
		assertThat(stats.toMap()).containsEntry("p99Ms", -1.0);
	}

	@Test
	void chartIsWellFormedSvgWithALinePerPath() throws Exception {
		List<Stats> gateway = List.of(stats(4, 100, 20), stats(8, 150, 60), stats(16, 160, 300));
		List<Stats> direct = List.of(stats(4, 200, 10), stats(8, 300, 20), stats(16, 320, 90));
		String svg = Chart.submissions(gateway, direct, 250);
		var document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
		assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(4);
		assertThat(svg).contains("goal 250 ms").contains("through the gateway").contains("direct at talent-service");
	}

	private static Stats stats(int concurrency, long ok, long p99Ms) {
		long[] nanos = new long[(int) ok];
		java.util.Arrays.fill(nanos, p99Ms * 1_000_000L);
		return Stats.of("s", concurrency, nanos, (int) ok, 0, 1.0, Map.of("200", ok));
	}

}
