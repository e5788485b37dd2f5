package cn.jiangmen.innovation.portal.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Renders the main pages in both languages and writes them to {@code target/page-snapshots} (or
 * {@code -Dportal.snapshots=<dir>}) for a visual check in a browser: serve the folder together with
 * src/main/resources/static.
 */
@PortalWebTest
class PageSnapshotTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeTalentService talent;

	@Test
	void writeSnapshots() throws Exception {
		Path dir = Path.of(System.getProperty("portal.snapshots", "target/page-snapshots"));
		Files.createDirectories(dir);
		RequestPostProcessor both = TestUsers.user("applicant1", "李华", "applicant", "program-manager");
		write(dir, "home-zh.html", "/", null, TestUsers.applicant());
		write(dir, "home-multi-en.html", "/", "en", TestUsers.user("multi", "Li Hua", "applicant", "expert",
				"program-manager", "finance-officer", "auditor", "admin"));
		write(dir, "home-manager-zh.html", "/", null, both);
		this.talent.answer(List.of(
				ApplicationsPageTest.summary("a1", "海洋工程装备创新团队", ApplicationStatus.APPLICATION_STATUS_SUBMITTED,
						"2026-03-01T02:30:00Z"),
				ApplicationsPageTest.summary("a2", "半导体照明（LED 背光模组）创新团队", ApplicationStatus.APPLICATION_STATUS_DRAFT,
						"2026-02-28T16:05:00Z"),
				ApplicationsPageTest.summary("a3", "智能制造装备领军人才", ApplicationStatus.APPLICATION_STATUS_AWARDED,
						"2026-01-12T08:00:00Z")),
				"");
		write(dir, "applications-zh.html", "/applications", null, TestUsers.applicant());
		this.talent.answer(List.of(), "");
		write(dir, "applications-empty-en.html", "/applications", "en", TestUsers.applicant());
		this.talent.fail(io.grpc.Status.UNAVAILABLE);
		write(dir, "applications-error-zh.html", "/applications", null, TestUsers.applicant());
		write(dir, "error-404-zh.html", "/nothing-here", null, TestUsers.applicant());
		this.talent.reset();
		RequestPostProcessor officer = TestUsers.user("officer", "陈会计", "finance-officer", "finance-approver");
		RequestPostProcessor approver = TestUsers.user("approver", "周审批", "finance-approver");
		write(dir, "home-finance-zh.html", "/", null, officer);
		write(dir, "finance-inbox-zh.html", "/finance/inbox", null, officer);
		write(dir, "finance-inbox-approve-own-zh.html", "/finance/inbox?tab=approve", null, officer);
		write(dir, "finance-inbox-approve-en.html", "/finance/inbox?tab=approve", "en", approver);
		write(dir, "finance-prepare-confirm-zh.html", "/finance/tranches/t-due/prepare", null, officer);
		write(dir, "finance-reject-confirm-zh.html", "/finance/tranches/t-prepared/reject", null, approver);
		write(dir, "finance-budgets-zh.html", "/finance/budgets", null, approver);
		write(dir, "finance-budgets-en.html", "/finance/budgets", "en", approver);
		write(dir, "finance-raise-zh.html", "/finance/budgets/raise", null, officer);
		write(dir, "finance-statement-zh.html", "/finance/statements/7d1c2a8e-0000-4000-8000-000000000001", null, approver);
		write(dir, "finance-batches-zh.html", "/finance/batches", null, officer);
		write(dir, "finance-batch-zh.html", "/finance/batches/b-sent", null, officer);
		write(dir, "finance-batch-answer-en.html", "/finance/batches/b-sent/answer", "en", officer);
		write(dir, "funding-awards-zh.html", "/funding/awards", null, TestUsers.applicant());
	}

	private void write(Path dir, String file, String path, String lang, RequestPostProcessor user) throws Exception {
		var request = get(path).with(user);
		if (lang != null) {
			request = request.param("lang", lang);
		}
		String html = this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(file), html, StandardCharsets.UTF_8);
	}

}
