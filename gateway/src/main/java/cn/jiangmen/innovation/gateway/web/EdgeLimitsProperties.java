package cn.jiangmen.innovation.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body the edge accepts (attachments included); larger
 * announced bodies get 413
 */
@ConfigurationProperties("jiangmen.gateway")
public record EdgeLimitsProperties(@DefaultValue("20MB") DataSize maxRequestSize) {
}
