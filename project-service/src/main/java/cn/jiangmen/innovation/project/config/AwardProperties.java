package cn.jiangmen.innovation.project.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an approved project's award is committed in funding-service.
 *
 * @param budgetCode the program budget line every major project draws on (funding's
 * {@code program_code}); one line for the program rather than one per field, because the city's
 * plan funds the major-projects program as one appropriation per fiscal year
 */
@ConfigurationProperties("jiangmen.project.award")
public record AwardProperties(@DefaultValue("major-projects") String budgetCode) {
}
