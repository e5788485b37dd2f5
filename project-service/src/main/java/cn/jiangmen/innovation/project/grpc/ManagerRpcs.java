package cn.jiangmen.innovation.project.grpc;

import org.springframework.stereotype.Component;

/**
 * The adapters behind the manager's and admin's pages, held together so that ProjectGrpcService's
 * constructor grows by one parameter (other branches append RPCs to it too).
 */
@Component
record ManagerRpcs(FieldManagementRpcs fields, PortfolioRpcs portfolio, MilestoneDecisionRpcs decisions) {
}
