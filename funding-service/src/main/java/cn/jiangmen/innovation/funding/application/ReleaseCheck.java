package cn.jiangmen.innovation.funding.application;

/** Whether a tranche tied to a milestone may be released, and the milestone's state in project-service. */
public record ReleaseCheck(boolean releasable, String milestoneState) {
}
