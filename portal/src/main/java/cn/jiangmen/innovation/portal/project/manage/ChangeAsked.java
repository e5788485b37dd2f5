package cn.jiangmen.innovation.portal.project.manage;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.jiangmen.innovation.contracts.project.v1.ChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.ChangeValue;
import cn.jiangmen.innovation.contracts.project.v1.PartnerAction;
import cn.jiangmen.innovation.contracts.project.v1.RequestedChange;

/**
 * What a change request asks for, as the name/value lines the manager's pages list (labels
 * {@code project.manage.change.value.<name>}): only the fields of the request's kind, named as the
 * REST body names them, in name order so a page shows them the same way every time.
 */
final class ChangeAsked {

	private ChangeAsked() {
	}

	/** The lines of every change request, by its id (the pages look them up per row). */
	static Map<String, List<ChangeValue>> byId(List<ChangeRequest> changes) {
		Map<String, List<ChangeValue>> lines = new LinkedHashMap<>();
		changes.forEach(c -> lines.put(c.getChangeRequestId(), of(c.getChange())));
		return lines;
	}

	static List<ChangeValue> of(RequestedChange change) {
		Map<String, String> values = new TreeMap<>();
		switch (change.getKind()) {
			case CHANGE_REQUEST_KIND_MILESTONE_DATE -> {
				values.put("milestoneId", change.getMilestoneId());
				values.put("newDueDate", change.getNewDueDate());
			}
			case CHANGE_REQUEST_KIND_BUDGET_REALLOCATION -> {
				values.put("fromCategory", change.getFromCategory());
				values.put("toCategory", change.getToCategory());
				values.put("amountYuan", BigDecimal.valueOf(change.getAmount().getMinorUnits(), 2).toPlainString());
			}
			case CHANGE_REQUEST_KIND_PARTNER -> {
				values.put("partnerAction", change.getPartnerAction() == PartnerAction.PARTNER_ACTION_UNSPECIFIED ? ""
						: change.getPartnerAction().name().substring("PARTNER_ACTION_".length()));
				values.put("organisationId", change.getOrganisationId());
				values.put("partnerRole", change.getPartnerRole());
			}
			case CHANGE_REQUEST_KIND_KPI_TARGET -> {
				values.put("kpiTargetId", change.getKpiTargetId());
				values.put("newTarget", change.getNewTarget());
			}
			default -> {
				// an unknown kind asks for nothing the page can name
			}
		}
		return values.entrySet()
			.stream()
			.map(e -> ChangeValue.newBuilder().setName(e.getKey()).setValue(e.getValue()).build())
			.toList();
	}

}
