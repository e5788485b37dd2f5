package cn.jiangmen.innovation.review.persistence;

import cn.jiangmen.innovation.review.ReviewTables;
import cn.jiangmen.innovation.review.domain.Experts;
import cn.jiangmen.innovation.review.domain.ReviewItems;
import cn.jiangmen.innovation.review.domain.Rounds;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A store against the real PostgreSQL with the application's own JsonMapper, on empty tables. One
 * base class so every repository test shares one cached application context and one database.
 */
@SpringBootTest(properties = "spring.grpc.server.port=0")
abstract class StoreTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "review_repository_it");
	}

	@Autowired
	Rounds rounds;

	@Autowired
	ReviewItems items;

	@Autowired
	Experts experts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTables() {
		ReviewTables.clear(this.jdbc);
	}

}
