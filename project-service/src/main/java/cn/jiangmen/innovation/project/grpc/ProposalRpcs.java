package cn.jiangmen.innovation.project.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.CreateProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.CreateProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ConfirmParticipationRequest;
import cn.jiangmen.innovation.contracts.project.v1.ConfirmParticipationResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.WithdrawProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.WithdrawProposalResponse;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.ProposalCommands;
import cn.jiangmen.innovation.project.application.ProposalQueries;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/** The consortium's proposal RPCs of ProjectService: map, call one use case, map back. */
@Component
class ProposalRpcs implements ProjectRpcGroup {

	private final ProposalCommands commands;

	private final ProposalQueries queries;

	ProposalRpcs(ProposalCommands commands, ProposalQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getCreateProposalMethod(), this::create);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getSaveProposalMethod(), this::save);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getGetProposalMethod(), this::get);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListProposalsMethod(), this::list);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getConfirmParticipationMethod(), this::confirm);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getSubmitProposalMethod(), this::submit);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getWithdrawProposalMethod(), this::withdraw);
	}

	CreateProposalResponse create(CreateProposalRequest request) {
		CallId call = CallId.parse(request.getCallId(), "call_id");
		ProposalCommands.Saved saved = this.commands.create(Callers.current(), call,
				ProposalMessages.form(request.getContent()));
		return CreateProposalResponse.newBuilder()
			.setProposal(ProposalMessages.message(this.queries.details(saved.proposal())))
			.addAllFieldErrors(ProposalMessages.findings(saved.fieldErrors()))
			.build();
	}

	SaveProposalResponse save(SaveProposalRequest request) {
		ProposalId id = ProposalId.parse(request.getProposalId(), "proposal_id");
		ProposalCommands.Saved saved = this.commands.save(Callers.current(), id,
				ProposalMessages.form(request.getContent()), request.getVersion() == 0 ? null : request.getVersion());
		return SaveProposalResponse.newBuilder()
			.setProposal(ProposalMessages.message(this.queries.details(saved.proposal())))
			.addAllFieldErrors(ProposalMessages.findings(saved.fieldErrors()))
			.build();
	}

	GetProposalResponse get(GetProposalRequest request) {
		ProposalId id = ProposalId.parse(request.getProposalId(), "proposal_id");
		return GetProposalResponse.newBuilder()
			.setProposal(ProposalMessages.message(this.queries.get(Callers.current(), id)))
			.build();
	}

	ListProposalsResponse list(ListProposalsRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		CallId call = request.getCallId().isBlank() ? null : CallId.parse(request.getCallId(), "call_id");
		List<Proposal> found = this.queries.page(Callers.current(), call, page);
		return ListProposalsResponse.newBuilder()
			.addAllProposals(found.stream().map(p -> ProposalMessages.message(this.queries.details(p))).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

	ConfirmParticipationResponse confirm(ConfirmParticipationRequest request) {
		Proposal proposal = act(request.getProposalId(), (caller, id) -> this.commands.confirm(caller, id));
		return ConfirmParticipationResponse.newBuilder().setProposal(message(proposal)).build();
	}

	SubmitProposalResponse submit(SubmitProposalRequest request) {
		Proposal proposal = act(request.getProposalId(),
				(caller, id) -> ProtoNames.renaming(() -> this.commands.submit(caller, id)));
		return SubmitProposalResponse.newBuilder().setProposal(message(proposal)).build();
	}

	WithdrawProposalResponse withdraw(WithdrawProposalRequest request) {
		Proposal proposal = act(request.getProposalId(), (caller, id) -> this.commands.withdraw(caller, id));
		return WithdrawProposalResponse.newBuilder().setProposal(message(proposal)).build();
	}

	private static Proposal act(String proposalId, java.util.function.BiFunction<Caller, ProposalId, Proposal> action) {
		return action.apply(Callers.current(), ProposalId.parse(proposalId, "proposal_id"));
	}

	private cn.jiangmen.innovation.contracts.project.v1.Proposal message(Proposal proposal) {
		return ProposalMessages.message(this.queries.details(proposal));
	}

}
