package cn.jiangmen.innovation.review.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A store against the real PostgreSQL with the application's own JsonMapper; one annotation so
 * every repository test shares one cached application context (see {@link StoredRows}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
		properties = "spring.grpc.server.port=0")
@interface RepositoryTest {

}
