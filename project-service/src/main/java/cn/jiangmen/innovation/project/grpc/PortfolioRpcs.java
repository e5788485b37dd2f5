package cn.jiangmen.innovation.project.grpc;

import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.project.v1.ListProjectsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProjectsResponse;
import cn.jiangmen.innovation.contracts.project.v1.PortfolioProject;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.execution.PortfolioEntry;
import cn.jiangmen.innovation.project.domain.execution.ProjectStage;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/** ListProjects: the manager's portfolio, filtered by field, year and stage, paginated. */
@Component
class PortfolioRpcs implements ProjectRpcGroup {

	private final ExecutionQueries queries;

	PortfolioRpcs(ExecutionQueries queries) {
		this.queries = queries;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListProjectsMethod(), this::list);
	}

	ListProjectsResponse list(ListProjectsRequest request) {
		if (request.getYear() != 0 && (request.getYear() < 2000 || request.getYear() > 2100)) {
			throw new InvalidInputException("year", "out-of-range", "must be between 2000 and 2100, or 0 for all");
		}
		Optional<ProjectStage> stage = switch (request.getStage()) {
			case PROJECT_STAGE_UNSPECIFIED -> Optional.empty();
			case UNRECOGNIZED -> throw new InvalidInputException("stage", "unknown-value", "is not a project stage");
			default -> Optional.of(ProjectStage.valueOf(request.getStage().name().substring("PROJECT_STAGE_".length())));
		};
		PortfolioEntry.Filter filter = new PortfolioEntry.Filter(
				Optional.of(request.getFieldCode().strip()).filter(code -> !code.isEmpty()),
				Optional.of(request.getYear()).filter(year -> year != 0), stage);
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ExecutionQueries.PortfolioRow> found = this.queries.portfolio(filter, page, Callers.current());
		return ListProjectsResponse.newBuilder()
			.addAllProjects(found.stream().map(PortfolioRpcs::project).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

	private static PortfolioProject project(ExecutionQueries.PortfolioRow row) {
		PortfolioProject.Builder project = PortfolioProject.newBuilder()
			.setSummary(ExecutionMessages.summary(row.entry().project(), row.taskBook(), row.milestones(),
					// only a failed check marks a project FAILED, and it always opens a recovery case
					row.entry().project().stage() == ProjectStage.FAILED))
			.setYear(row.entry().year());
		row.entry().project().approvedAt().ifPresent(at -> project.setApprovedAt(ProtoTimes.timestamp(at)));
		return project.build();
	}

}
