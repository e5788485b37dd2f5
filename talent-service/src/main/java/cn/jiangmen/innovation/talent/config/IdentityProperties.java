package cn.jiangmen.innovation.talent.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret that keys identity document fingerprints ({@code talent.identity.secret}, from
 * {@code TALENT_IDENTITY_SECRET}): at least 32 bytes. Changing it makes earlier fingerprints
 * unrecognisable, so the same person on an older application would no longer be flagged.
 */
@ConfigurationProperties("talent.identity")
public record IdentityProperties(String secret) {
}
