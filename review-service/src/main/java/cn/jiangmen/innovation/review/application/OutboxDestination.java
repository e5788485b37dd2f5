package cn.jiangmen.innovation.review.application;

import cn.jiangmen.innovation.review.domain.OutboxMessage;

/** Delivers outbox messages of one destination; throws when delivery failed (it will be retried). */
public interface OutboxDestination {

	String destination();

	void deliver(OutboxMessage message) throws Exception;

}
