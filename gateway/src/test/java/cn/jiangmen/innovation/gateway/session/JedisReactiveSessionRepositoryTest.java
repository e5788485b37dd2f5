package cn.jiangmen.innovation.gateway.session;

import cn.jiangmen.innovation.testsupport.TestRedis;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.Session;
import org.springframework.session.data.redis.RedisSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactive adapter over Spring Session's Jedis-backed repository, against the real local Redis. */
class JedisReactiveSessionRepositoryTest {

	static JedisConnectionFactory connections;

	static JedisReactiveSessionRepository sessions;

	static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		connections = new JedisConnectionFactory(new RedisStandaloneConfiguration(TestRedis.host(), TestRedis.port()));
		connections.afterPropertiesSet();
		connections.start();
		RedisSessionRepository blocking = new SessionConfig().redisSessionRepository(connections,
				new SessionProperties(Duration.ofMinutes(30), "jiangmen:gateway:test-session", "S", false));
		sessions = new JedisReactiveSessionRepository(blocking);
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Test
	void roundTripThroughRedis() {
		Session created = sessions.createSession().block();
		created.setAttribute("greeting", "你好");
		sessions.save(created).block();

		String key = "jiangmen:gateway:test-session:sessions:" + created.getId();
		assertThat(redis.hasKey(key)).isTrue();
		assertThat(redis.getExpire(key)).isBetween(1700L, 1800L);

		Session found = sessions.findById(created.getId()).block();
		assertThat(found).isNotNull();
		assertThat(found.<String>getAttribute("greeting")).isEqualTo("你好");
		assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));

		sessions.deleteById(created.getId()).block();
		assertThat(sessions.findById(created.getId()).block()).isNull();
	}

	@Test
	void changedSessionIdMovesTheSession() {
		Session session = sessions.createSession().block();
		session.setAttribute("n", 1);
		sessions.save(session).block();
		String oldId = session.getId();

		Session loaded = sessions.findById(oldId).block();
		String newId = loaded.changeSessionId();
		sessions.save(loaded).block();

		assertThat(sessions.findById(oldId).block()).isNull();
		assertThat(sessions.findById(newId).block().<Integer>getAttribute("n")).isEqualTo(1);
		sessions.deleteById(newId).block();
	}

	@Test
	void redisCallsDoNotRunOnTheCallingThread() {
		Session session = sessions.createSession().block();
		StepVerifier.create(sessions.save(session).publishOn(Schedulers.immediate())
			.then(sessions.findById(session.getId()).map(s -> Thread.currentThread().getName())))
			.assertNext(thread -> assertThat(thread).startsWith("boundedElastic"))
			.verifyComplete();
		sessions.deleteById(session.getId()).block();
	}

	@Test
	void unknownIdIsEmpty() {
		StepVerifier.create(sessions.findById("no-such-session")).verifyComplete();
	}

}
