package cn.jiangmen.innovation.talent.web;

import java.util.List;

/** A page of applications with the token for the next page (empty on the last page). */
public record ApplicationPage(List<ApplicationView> items, String nextPageToken) {
}
