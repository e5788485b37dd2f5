package cn.jiangmen.innovation.portal.project.manage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.finance.Yuan;
import com.google.protobuf.Timestamp;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every manager and admin page of projects formats with: proto timestamps as dates and times
 * in the bureau's zone, money in yuan. Templates cannot call static methods, hence objects.
 */
@ControllerAdvice(basePackageClasses = ManagerPagesAdvice.class)
class ManagerPagesAdvice {

	private final ProtoDates dates;

	ManagerPagesAdvice(PortalProperties properties) {
		this.dates = new ProtoDates(properties.zone());
	}

	@ModelAttribute("dates")
	ProtoDates dates() {
		return this.dates;
	}

	@ModelAttribute("yuan")
	Yuan yuan() {
		return Yuan.PAGES;
	}

	/** Proto timestamps for templates, in the bureau's zone; empty text for an unset one. */
	public static final class ProtoDates {

		private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

		private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

		private final ZoneId zone;

		ProtoDates(ZoneId zone) {
			this.zone = zone;
		}

		public String day(Timestamp at) {
			return at == null || at.getSeconds() == 0 ? "" : DAY.format(instant(at).atZone(this.zone));
		}

		public String time(Timestamp at) {
			return at == null || at.getSeconds() == 0 ? "" : MINUTE.format(instant(at).atZone(this.zone));
		}

		public String iso(Timestamp at) {
			return at == null || at.getSeconds() == 0 ? "" : instant(at).toString();
		}

		static Instant instant(Timestamp at) {
			return Instant.ofEpochSecond(at.getSeconds(), at.getNanos());
		}

	}

}
