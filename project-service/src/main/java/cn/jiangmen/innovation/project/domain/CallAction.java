package cn.jiangmen.innovation.project.domain;

/** What a manager can do to a call; {@link CallLifecycle} says from where to where. */
public enum CallAction {

	PUBLISH, CLOSE

}
