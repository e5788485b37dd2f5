package cn.jiangmen.innovation.project.domain.document;

/** The documents of proposals (申报材料), owned by a proposal id. */
public interface ProposalDocuments extends ProjectDocuments {
}
