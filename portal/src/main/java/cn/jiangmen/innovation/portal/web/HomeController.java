package cn.jiangmen.innovation.portal.web;

import cn.jiangmen.innovation.portal.application.HomePage;
import cn.jiangmen.innovation.portal.application.PortalUser;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page every user lands on after login: one section per role they hold. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		model.addAttribute("home", HomePage.of(PortalUser.from(authentication)));
		return "home";
	}

}
