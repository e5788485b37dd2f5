package cn.jiangmen.innovation.portal.talent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.talent.v1.CallCategory;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.portal.web.ProtoEnums;

/**
 * A call as the call list shows it: times in the bureau's zone and the time left until closing,
 * computed on the server when the page is rendered (no client script counts down).
 *
 * @param remaining time left, or null when the call does not take submissions now
 * @param rules each category's eligibility rules, for saying them in words
 * @param referenceDay the day ages are counted on: the closing day in the bureau's zone
 */
public record CallCard(String id, String title, List<String> categories, List<String> priorityFields,
		ZonedDateTime opensAt, ZonedDateTime closesAt, boolean accepting, Countdown remaining, boolean closed,
		List<Rules> rules, LocalDate referenceDay) {

	/**
	 * One category's rules as a page states them.
	 *
	 * @param maxLeaderAge null when there is no age limit
	 * @param requiredLeaderTitles title codes, empty when any title will do
	 */
	public record Rules(String category, int minTeamSize, Integer maxLeaderAge, List<String> requiredLeaderTitles,
			boolean leaderFullTime, boolean fieldMustBeInCall) {

		static Rules of(CallCategory c) {
			return new Rules(ProtoEnums.code(c.getCategory()), c.getMinTeamSize(),
					c.getMaxLeaderAge() > 0 ? c.getMaxLeaderAge() : null,
					c.getRequiredLeaderTitlesList().stream().map(ProtoEnums::code).toList(), c.getLeaderFullTime(),
					c.getFieldMustBeInCall());
		}

	}

	/** The rules of a category (a code like LEADING_TALENT), if the call funds it. */
	public Optional<Rules> rulesFor(String category) {
		return this.rules.stream().filter(r -> r.category().equals(category)).findFirst();
	}

	/** The largest team any of the call's categories asks for. */
	public int largestMinTeamSize() {
		return this.rules.stream().mapToInt(Rules::minTeamSize).max().orElse(0);
	}

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
		// talent-service always sets both; an unset one would read as the epoch, a call long closed.
		Instant opens = ProtoTimes.read(call.getOpensAt()).orElse(Instant.EPOCH);
		Instant closes = ProtoTimes.read(call.getClosesAt()).orElse(Instant.EPOCH);
		boolean accepting = call.getAcceptingSubmissions() && now.isBefore(closes);
		return new CallCard(call.getCallId(), call.getTitle(),
				call.getCategoriesList().stream().map(c -> ProtoEnums.code(c.getCategory())).toList(), call.getPriorityFieldsList(),
				opens.atZone(zone), closes.atZone(zone), accepting,
				accepting ? Countdown.of(Duration.between(now, closes)) : null, !now.isBefore(closes),
				call.getCategoriesList().stream().map(Rules::of).toList(), closes.atZone(zone).toLocalDate());
	}

}
