package cn.jiangmen.innovation.project.domain.document;

/** Evidence documents of milestones (佐证材料) for their progress reports, owned by a milestone id. */
public interface MilestoneEvidence extends ProjectDocuments {
}
