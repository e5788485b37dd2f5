package cn.jiangmen.innovation.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the layout's model (user, nav, CSRF token, language switch) beside every page's own. */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute
	void layout(Model model, HttpServletRequest request) {
		Layout.populate(model.asMap(), request);
	}

}
