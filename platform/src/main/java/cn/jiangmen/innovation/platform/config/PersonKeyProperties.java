package cn.jiangmen.innovation.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret that keys person name keys ({@code jiangmen.person-keys.secret}, from
 * {@code PERSON_KEY_SECRET}; platform's defaults hold a dev-only value). Every service that sends or
 * matches people by name and organisation (talent, review) must use the same one; changing it makes
 * the keys of items already handed to review-service unmatched by profiles saved later.
 *
 * @param secret at least 32 bytes
 */
@ConfigurationProperties("jiangmen.person-keys")
public record PersonKeyProperties(String secret) {
}
