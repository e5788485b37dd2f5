package cn.jiangmen.innovation.talent.domain;

import java.util.List;
import java.util.Optional;

/** The store of calls. */
public interface TalentCalls {

	void add(TalentCall call);

	void update(TalentCall call);

	Optional<TalentCall> find(CallId id);

	/** Latest closing first. */
	List<TalentCall> all();

}
