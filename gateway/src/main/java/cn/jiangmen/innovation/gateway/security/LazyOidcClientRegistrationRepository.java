package cn.jiangmen.innovation.gateway.security;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The single Keycloak registration, discovered from the issuer on first use instead of at
 * startup, so the gateway (one more replica, a slice test) starts while Keycloak is still
 * down. Discovery also brings {@code end_session_endpoint}, which RP-initiated logout needs.
 * A failed discovery is not cached: the next login attempt tries again.
 */
public class LazyOidcClientRegistrationRepository implements ReactiveClientRegistrationRepository {

	private final OidcClientProperties properties;

	private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

	public LazyOidcClientRegistrationRepository(OidcClientProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		if (!properties.registrationId().equals(registrationId)) {
			return Mono.empty();
		}
		ClientRegistration known = discovered.get();
		if (known != null) {
			return Mono.just(known);
		}
		// ClientRegistrations does blocking HTTP: keep it off the event loop
		return Mono.fromCallable(this::discover)
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext(discovered::set);
	}

	private ClientRegistration discover() {
		return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
			.registrationId(properties.registrationId())
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.scope(properties.scopes())
			.build();
	}

}
