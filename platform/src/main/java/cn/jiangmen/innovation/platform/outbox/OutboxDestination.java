package cn.jiangmen.innovation.platform.outbox;


/** Delivers outbox messages of one destination; throws when delivery failed (it will be retried). */
public interface OutboxDestination {

	String destination();

	void deliver(OutboxMessage message) throws Exception;

}
