package cn.jiangmen.innovation.project.execution;


import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile seeds approved projects at every execution stage, in five fields, once. */
@ActiveProfiles("demo")
class ExecutionDemoDataIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_execution_demo_it");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void seedsProjectsAtEveryStageOnce() throws Exception {
		for (ApplicationRunner runner : this.context.getBeansOfType(ApplicationRunner.class).values()) {
			runner.run(new DefaultApplicationArguments());
		}
		assertThat(this.jdbc.sql("""
				select stage from project where id::text like '00000000-0000-4000-8000-0000000e%' order by id
				""").query(String.class).list())
			.containsExactly("TASK_BOOK", "EXECUTION", "MID_TERM", "ACCEPTED", "EXECUTION");
		assertThat(this.jdbc.sql("select count(distinct field_code) from project where id::text like '00000000-0000-4000-8000-0000000e%'")
			.query(Integer.class).single()).isEqualTo(5);
		assertThat(this.http.get("/api/projects/due-milestones?window=OVERDUE", token("manager")).json().get("milestones")
			.findValues("milestone").stream().map(m -> m.get("title").asString()).toList())
			.contains("检测平台搭建 Inspection platform");
		assertThat(this.http.get("/api/projects/projects/00000000-0000-4000-8000-0000000e0001/task-book", token("applicant1"))
			.json().get("taskBook").get("state").asString()).isEqualTo("ISSUED");
		assertThat(this.http.get("/api/projects/projects/00000000-0000-4000-8000-0000000e0003/summary", token("applicant1")).status())
			.as("Wuyi University's project").isEqualTo(404);
	}

}
