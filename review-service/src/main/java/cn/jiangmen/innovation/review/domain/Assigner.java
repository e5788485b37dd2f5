package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Automatic assignment, a pure function. Rules: an expert is only assigned an item sharing at least
 * one field of expertise (items without field codes match everyone), never an item they have a
 * conflict with, never twice the same item; at most {@code maxItemsPerExpert} items per expert
 * counting existing assignments; up to {@code reviewersPerItem} per item. Items with the fewest
 * eligible experts are served first; among eligible experts the least loaded wins, then the one
 * sharing the most fields, then the subject (deterministic). Items that cannot reach the target are
 * reported as shortfalls rather than over-assigned.
 */
public final class Assigner {

	private Assigner() {
	}

	public record Candidate(ReviewItemId item, Set<String> fieldCodes) {

		public Candidate {
			fieldCodes = Set.copyOf(fieldCodes);
		}

	}

	public record Pair(ReviewItemId item, ExpertId expert) {
	}

	/**
	 * @param added new pairs to store
	 * @param shortfalls items that still have fewer than the target, with how many they lack
	 */
	public record Result(List<Pair> added, Map<ReviewItemId, Integer> shortfalls) {
	}

	public static Result assign(List<Candidate> items, List<Expert> experts, Set<Pair> conflicts, Set<Pair> existing,
			int reviewersPerItem, int maxItemsPerExpert) {
		if (reviewersPerItem < 1 || maxItemsPerExpert < 1) {
			throw new IllegalArgumentException("limits must be positive");
		}
		Map<ExpertId, Integer> load = new HashMap<>();
		experts.forEach(e -> load.put(e.id(), 0));
		Map<ReviewItemId, Set<ExpertId>> assigned = new LinkedHashMap<>();
		items.forEach(i -> assigned.put(i.item(), new HashSet<>()));
		for (Pair pair : existing) {
			load.merge(pair.expert(), 1, Integer::sum);
			assigned.computeIfAbsent(pair.item(), k -> new HashSet<>()).add(pair.expert());
		}
		Map<ReviewItemId, List<Expert>> eligible = new HashMap<>();
		for (Candidate item : items) {
			eligible.put(item.item(), experts.stream()
				.filter(e -> item.fieldCodes().isEmpty() || e.matchesAnyField(item.fieldCodes()))
				.filter(e -> !conflicts.contains(new Pair(item.item(), e.id())))
				.toList());
		}
		List<Candidate> order = new ArrayList<>(items);
		order.sort(Comparator.<Candidate>comparingInt(i -> eligible.get(i.item()).size())
			.thenComparing(i -> i.item().value()));
		List<Pair> added = new ArrayList<>();
		Map<ReviewItemId, Integer> shortfalls = new LinkedHashMap<>();
		for (Candidate item : order) {
			Set<ExpertId> onItem = assigned.get(item.item());
			List<Expert> pool = new ArrayList<>(eligible.get(item.item()));
			pool.sort(Comparator.<Expert>comparingInt(e -> load.get(e.id()))
				.thenComparing(Comparator.<Expert>comparingLong(e -> e.sharedFields(item.fieldCodes())).reversed())
				.thenComparing(Expert::id));
			for (Expert expert : pool) {
				if (onItem.size() >= reviewersPerItem) {
					break;
				}
				if (onItem.contains(expert.id()) || load.get(expert.id()) >= maxItemsPerExpert) {
					continue;
				}
				onItem.add(expert.id());
				load.merge(expert.id(), 1, Integer::sum);
				added.add(new Pair(item.item(), expert.id()));
			}
			if (onItem.size() < reviewersPerItem) {
				shortfalls.put(item.item(), reviewersPerItem - onItem.size());
			}
		}
		return new Result(List.copyOf(added), shortfalls);
	}

}
