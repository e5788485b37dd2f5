package cn.jiangmen.innovation.testsupport;

/**
 * The JVM's Redis for tests that need Redis and nothing else (no Keycloak, no PostgreSQL): the machine's at
 * {@code JIANGMEN_TEST_REDIS_HOST/PORT} (127.0.0.1:6379), or an embedded one where nothing listens there.
 * {@link TestInfrastructure}'s local mode uses the same one, so a JVM never starts two. Not Testcontainers:
 * what a Docker engine would offer, the machine or the embedded server offers as well for Redis.
 */
public final class TestRedis {

    private static volatile LocalServices.Endpoint endpoint;

    private TestRedis() {
    }

    public static String host() {
        return endpoint().host();
    }

    public static int port() {
        return endpoint().port();
    }

    static LocalServices.Endpoint endpoint() {
        LocalServices.Endpoint current = endpoint;
        if (current != null) {
            return current;
        }
        synchronized (TestRedis.class) {
            if (endpoint == null) {
                LocalServices.Endpoint resolved = LocalServices.redis(
                        TestInfrastructure.setting("jiangmen.test.redis-host", "JIANGMEN_TEST_REDIS_HOST", "127.0.0.1"),
                        Integer.parseInt(TestInfrastructure.setting("jiangmen.test.redis-port", "JIANGMEN_TEST_REDIS_PORT", "6379")),
                        TestInfrastructure.embeddedFallback());
                Runtime.getRuntime().addShutdownHook(new Thread(resolved::close, "jiangmen-test-redis-stop"));
                endpoint = resolved;
            }
            return endpoint;
        }
    }
}
