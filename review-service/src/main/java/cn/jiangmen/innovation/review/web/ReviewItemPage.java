package cn.jiangmen.innovation.review.web;

import java.util.List;

/** A page of review items with the token for the next page (empty on the last page). */
public record ReviewItemPage(List<ReviewItemView> items, String nextPageToken) {
}
