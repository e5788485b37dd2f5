package cn.jiangmen.innovation.platform.grpc;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Client-credentials tokens of a service account ({@code jiangmen-services} unless another client
 * registration is named), cached and renewed by Spring Security's authorized-client manager.
 */
public class ServiceAccountTokens implements Supplier<String> {

	public static final String REGISTRATION_ID = "jiangmen-services";

	private final OAuth2AuthorizedClientManager manager;

	private final String registrationId;

	public ServiceAccountTokens(OAuth2AuthorizedClientManager manager) {
		this(manager, REGISTRATION_ID);
	}

	/** Tokens of the client registration {@code registrationId} (e.g. the organisation directory's reader). */
	public ServiceAccountTokens(OAuth2AuthorizedClientManager manager, String registrationId) {
		this.manager = manager;
		this.registrationId = registrationId;
	}

	@Override
	public String get() {
		OAuth2AuthorizedClient client = this.manager.authorize(
				OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId).principal(this.registrationId).build());
		if (client == null) {
			throw new IllegalStateException("No service-account token for " + this.registrationId);
		}
		return client.getAccessToken().getTokenValue();
	}

}
