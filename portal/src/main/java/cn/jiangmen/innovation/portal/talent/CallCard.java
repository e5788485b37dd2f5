package cn.jiangmen.innovation.portal.talent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;

/**
 * A call as the call list shows it: times in the bureau's zone and the time left until closing,
 * computed on the server when the page is rendered (no client script counts down).
 *
 * @param remaining time left, or null when the call does not take submissions now
 */
public record CallCard(String id, String title, List<String> categories, List<String> priorityFields,
		ZonedDateTime opensAt, ZonedDateTime closesAt, boolean accepting, Countdown remaining, boolean closed) {

	/** Days, hours and minutes left; {@code urgent} under two days. */
	public record Countdown(long days, long hours, long minutes) {

		static Countdown of(Duration left) {
			return new Countdown(left.toDays(), left.toHoursPart(), left.toMinutesPart());
		}

		public boolean urgent() {
			return this.days < 2;
		}

	}

	static CallCard of(TalentCall call, Instant now, ZoneId zone) {
		Instant opens = Instant.ofEpochSecond(call.getOpensAt().getSeconds(), call.getOpensAt().getNanos());
		Instant closes = Instant.ofEpochSecond(call.getClosesAt().getSeconds(), call.getClosesAt().getNanos());
		boolean accepting = call.getAcceptingSubmissions() && now.isBefore(closes);
		return new CallCard(call.getCallId(), call.getTitle(),
				call.getCategoriesList().stream().map(c -> c.getCategory()).toList(), call.getPriorityFieldsList(),
				opens.atZone(zone), closes.atZone(zone), accepting,
				accepting ? Countdown.of(Duration.between(now, closes)) : null, !now.isBefore(closes));
	}

}
