package cn.jiangmen.innovation.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transactional outbox of a service ({@code jiangmen.outbox.*}). A service that sends messages
 * switches it on; the {@code outbox} table in its own database comes from platform's Flyway
 * location {@code db/platform-outbox}, which the outbox adds by itself.
 *
 * @param enabled whether this service has an outbox
 * @param relay the scheduled relay
 */
@ConfigurationProperties("jiangmen.outbox")
public record OutboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue Relay relay) {

	/**
	 * @param enabled off in tests that drive {@link OutboxRelay#relayDue(int)} by hand
	 * @param interval pause between passes
	 * @param batch messages sent per pass at most
	 * @param lease how long a claimed message stays the claiming relay's; after it, a message whose
	 * relay crashed (or hangs) is due again. Longer than the destinations' call deadlines (5 s).
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("PT10S") Duration interval,
			@DefaultValue("50") int batch, @DefaultValue("PT1M") Duration lease) {
	}

}
