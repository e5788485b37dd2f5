package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.application.PaymentQueries;
import cn.jiangmen.innovation.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An award with its schedule, and where a tranche's money is: for finance, auditors and the beneficiary. */
@RestController
@RequestMapping("/api/funding")
@Tag(name = "Awards and payments", description = "Schedules (分期拨付) and the payment status of each tranche")
class AwardReadController {

	private final PaymentQueries queries;

	AwardReadController(PaymentQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/awards/{commitmentId}")
	@Operation(operationId = "getAward", summary = "An award (commitment) with its tranche schedule")
	PaymentViews.AwardView award(@PathVariable("commitmentId") String commitmentId) {
		return PaymentViews.AwardView.of(this.queries.award(Callers.current(), commitmentId));
	}

	@GetMapping("/tranches/{trancheId}/payment")
	@Operation(operationId = "getPaymentStatus", summary = "A tranche's payment status: its state, what offsets kept back, every batch line that carried it")
	PaymentViews.PaymentStatusView payment(@PathVariable("trancheId") String trancheId) {
		return PaymentViews.PaymentStatusView.of(this.queries.paymentStatus(Callers.current(), trancheId));
	}

}
