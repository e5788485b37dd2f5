package cn.jiangmen.innovation.portal.web;

/**
 * A header navigation entry.
 *
 * @param href where it goes
 * @param labelKey message key of its text
 * @param current whether it is the page being shown ({@code aria-current="page"})
 */
public record NavLink(String href, String labelKey, boolean current) {
}
