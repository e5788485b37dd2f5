package cn.jiangmen.innovation.portal.project.manage;

/** What the admin typed into a field form, shown again when the service refused it. */
public record FieldForm(String code, String kind, String nameZh, String nameEn, String planSection) {
}
