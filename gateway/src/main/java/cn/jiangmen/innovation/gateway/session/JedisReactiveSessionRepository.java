package cn.jiangmen.innovation.gateway.session;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A {@link ReactiveSessionRepository} over Spring Session's blocking repository.
 * <p>
 * Spring Session's reactive Redis repository needs a reactive Redis driver, which in Spring
 * Data Redis means Lettuce; the suite uses Jedis only. So every Redis round trip of the
 * blocking {@code RedisSessionRepository} runs on {@link Schedulers#boundedElastic()}, never
 * on a Netty event-loop thread.
 */
public final class JedisReactiveSessionRepository implements ReactiveSessionRepository<Session> {

	/**
	 * Reactor context key: set while the edge answers "session store unavailable". The WebFlux
	 * session manager saves the session again when that answer commits; against the same dead
	 * Redis that save would fail too and turn the translated 503 into a bare 500.
	 */
	public static final String SKIP_SAVE = JedisReactiveSessionRepository.class.getName() + ".skipSave";

	private final SessionRepository<Session> delegate;

	private final Scheduler scheduler;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	public JedisReactiveSessionRepository(SessionRepository<? extends Session> delegate) {
		// RedisSessionRepository is typed on its package-private RedisSession; its bridge
		// methods accept any Session, and we only ever hand back what it created.
		this.delegate = (SessionRepository) delegate;
		this.scheduler = Schedulers.boundedElastic();
	}

	@Override
	public Mono<Session> createSession() {
		// in-memory only (nothing is written before save), so no need to offload
		return Mono.fromSupplier(delegate::createSession);
	}

	@Override
	public Mono<Void> save(Session session) {
		return Mono.deferContextual(context -> context.hasKey(SKIP_SAVE) ? Mono.<Void>empty()
				: Mono.<Void>fromRunnable(() -> delegate.save(session)).subscribeOn(scheduler));
	}

	@Override
	public Mono<Session> findById(String id) {
		return Mono.fromCallable(() -> delegate.findById(id)).subscribeOn(scheduler);
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return Mono.<Void>fromRunnable(() -> delegate.deleteById(id)).subscribeOn(scheduler);
	}

}
