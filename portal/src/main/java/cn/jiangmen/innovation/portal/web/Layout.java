package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.platform.security.Roles;
import cn.jiangmen.innovation.portal.application.PortalUser;
import cn.jiangmen.innovation.portal.config.LocaleConfiguration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The model every page's layout needs (header, nav, language switch, logout form), for
 * controllers (through {@link LayoutModelAdvice}) and for error pages rendered from exception
 * handlers, which do not get {@code @ModelAttribute}s.
 */
final class Layout {

	static final String USER = "currentUser";

	private Layout() {
	}

	static void populate(Map<String, Object> model, HttpServletRequest request) {
		PortalUser user = currentUser();
		String csrf = CsrfCookie.token(request);
		model.putIfAbsent(USER, user);
		model.putIfAbsent("nav", nav(user, originalPath(request)));
		model.putIfAbsent("csrfToken", csrf);
		model.putIfAbsent("csrfField", CsrfCookie.FORM_FIELD);
		model.putIfAbsent("hxHeaders", CsrfCookie.htmxHeaders(csrf));
		Locale locale = RequestContextUtils.getLocale(request);
		boolean english = LocaleConfiguration.ENGLISH.getLanguage().equals(locale.getLanguage());
		// the switch offers the other language, keeping the current path
		model.putIfAbsent("switchLang", english ? "zh-CN" : "en");
		model.putIfAbsent("switchLangKey", english ? "lang.switch.zh" : "lang.switch.en");
		model.putIfAbsent("switchLangTag", english ? "zh-CN" : "en");
		model.putIfAbsent("currentPath", originalPath(request));
	}

	/** On an error dispatch, the page that failed (so the language switch stays on it). */
	static String originalPath(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return failed instanceof String path && !path.isBlank() ? path : request.getRequestURI();
	}

	static PortalUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken) {
			return PortalUser.from(authentication);
		}
		return null;
	}

	static List<NavLink> nav(PortalUser user, String path) {
		List<NavLink> links = new ArrayList<>();
		if (user == null) {
			return links;
		}
		links.add(new NavLink("/", "nav.home", "/".equals(path)));
		if (user.hasRole(Roles.APPLICANT)) {
			links.add(new NavLink("/applications", "nav.applications", "/applications".equals(path)));
		}
		if (user.hasRole(Roles.APPLICANT)) {
			links.add(new NavLink("/talent/calls", "talent.nav.calls",
					path.startsWith("/talent/") && !path.startsWith("/talent/manage/")));
		}
		if (user.hasRole(Roles.APPLICANT)) {
			// major projects (重大科技专项): the calls, and the organisation's proposals with its projects
			links.add(new NavLink("/projects/calls", "projects.nav.calls", path.startsWith("/projects/calls")));
			links.add(new NavLink("/projects/proposals", "projects.nav.proposals", path.startsWith("/projects/")
					&& !path.startsWith("/projects/calls") && !path.startsWith("/projects/manage")));
		}
		if (user.hasAnyRole(Roles.PROGRAM_MANAGER, Roles.AUDITOR)) {
			links.add(new NavLink("/talent/manage/calls", "talent.call.list.title", path.startsWith("/talent/manage/")));
		}
		if (user.hasRole(Roles.EXPERT)) {
			boolean profile = path.startsWith("/review/profile");
			links.add(new NavLink("/review/assignments", "review.nav.assignments",
					path.startsWith("/review/") && !profile && !path.startsWith("/review/rounds")));
			links.add(new NavLink("/review/profile", "review.nav.profile", profile));
		}
		if (user.hasAnyRole(Roles.PROGRAM_MANAGER, Roles.AUDITOR)) {
			links.add(new NavLink("/review/rounds", "review.nav.rounds", path.startsWith("/review/rounds")));
		}
		if (user.hasAnyRole(Roles.PROGRAM_MANAGER, Roles.AUDITOR)) {
			links.add(new NavLink("/project/manage/calls", "project.manage.nav.calls",
					path.startsWith("/project/manage/calls") || path.startsWith("/project/manage/proposals")));
			links.add(new NavLink("/project/manage/portfolio", "project.manage.nav.portfolio",
					path.startsWith("/project/manage/portfolio") || path.startsWith("/project/manage/projects")));
		}
		if (user.hasRole(Roles.ADMIN)) {
			links.add(new NavLink("/project/manage/fields", "project.manage.nav.fields",
					path.startsWith("/project/manage/fields")));
		}
		if (user.hasAnyRole(Roles.APPLICANT)) {
			links.add(new NavLink("/funding/awards", "finance.nav.awards",
					path.startsWith("/funding/") && !path.startsWith("/funding/vouchers")));
			// an enterprise holds vouchers; a university, institute or agency may also be a provider
			links.add(new NavLink("/funding/vouchers", "finance.nav.my-vouchers", "/funding/vouchers".equals(path)));
			links.add(new NavLink("/funding/vouchers/redeemed", "finance.nav.vouchers-redeemed",
					path.startsWith("/funding/vouchers/redeemed")));
		}
		if (user.hasAnyRole(Roles.FINANCE_OFFICER, Roles.FINANCE_APPROVER, Roles.AUDITOR)) {
			links.add(new NavLink("/finance/inbox", "finance.nav.inbox",
					path.startsWith("/finance/inbox") || path.startsWith("/finance/tranches")));
			links.add(new NavLink("/finance/batches", "finance.nav.batches", path.startsWith("/finance/batches")));
		}
		if (user.hasAnyRole(Roles.FINANCE_OFFICER, Roles.FINANCE_APPROVER, Roles.PROGRAM_MANAGER, Roles.AUDITOR)) {
			links.add(new NavLink("/finance/recoveries", "finance.nav.recoveries", path.startsWith("/finance/recoveries")));
			links.add(new NavLink("/finance/budgets", "finance.nav.budgets",
					path.startsWith("/finance/budget")));
			links.add(new NavLink("/finance/statements", "finance.nav.statements", path.startsWith("/finance/statements")));
			links.add(new NavLink("/finance/vouchers", "finance.nav.vouchers", path.startsWith("/finance/vouchers")));
		}
		// every entry is a page of its own: an anchor into the home page would only scroll it
		return links;
	}

}
