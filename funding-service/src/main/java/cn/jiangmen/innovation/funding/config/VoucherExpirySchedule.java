package cn.jiangmen.innovation.funding.config;

import cn.jiangmen.innovation.funding.application.VoucherCommands;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Expires unredeemed vouchers after their rule's end date, releasing their budget. Safe on several
 * replicas (each run claims rows with skip locked). The first run waits one interval, so a test's
 * fixed clock is never raced by it; {@code jiangmen.funding.vouchers.expiry-enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "jiangmen.funding.vouchers.expiry-enabled", havingValue = "true", matchIfMissing = true)
class VoucherExpirySchedule {

	private final VoucherCommands vouchers;

	VoucherExpirySchedule(VoucherCommands vouchers) {
		this.vouchers = vouchers;
	}

	@Scheduled(fixedDelayString = "${jiangmen.funding.vouchers.expiry-interval:PT1H}",
			initialDelayString = "${jiangmen.funding.vouchers.expiry-interval:PT1H}")
	void expireDue() {
		this.vouchers.expireDue();
	}

}
