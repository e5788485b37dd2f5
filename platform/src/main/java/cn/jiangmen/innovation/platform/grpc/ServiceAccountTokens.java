package cn.jiangmen.innovation.platform.grpc;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Client-credentials tokens of the {@code jiangmen-services} account, cached and renewed by
 * Spring Security's authorized-client manager.
 */
public class ServiceAccountTokens implements Supplier<String> {

	public static final String REGISTRATION_ID = "jiangmen-services";

	private final OAuth2AuthorizedClientManager manager;

	public ServiceAccountTokens(OAuth2AuthorizedClientManager manager) {
		this.manager = manager;
	}

	@Override
	public String get() {
		OAuth2AuthorizedClient client = this.manager.authorize(
				OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(REGISTRATION_ID).build());
		if (client == null) {
			throw new IllegalStateException("No service-account token for " + REGISTRATION_ID);
		}
		return client.getAccessToken().getTokenValue();
	}

}
