package cn.jiangmen.innovation.talent.domain;

/** A call is prepared as a draft and opened by a manager; only an open call takes submissions. */
public enum CallStatus {

	DRAFT, OPEN

}
