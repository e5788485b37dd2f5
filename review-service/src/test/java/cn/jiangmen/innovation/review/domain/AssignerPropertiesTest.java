package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Automatic assignment never breaks its limits, never assigns a conflict and spreads the load. */
class AssignerPropertiesTest {

	static final List<String> FIELDS = List.of("rail", "energy", "optics", "bio", "materials");

	record Scenario(List<Assigner.Candidate> items, List<Expert> experts, Set<Assigner.Pair> conflicts,
			Set<Assigner.Pair> existing) {
	}

	@Property(tries = 300)
	void limitsHoldAndNoConflictIsEverAssigned(@ForAll("scenarios") Scenario s,
			@ForAll @IntRange(min = 1, max = 5) int perItem, @ForAll @IntRange(min = 1, max = 8) int perExpert) {
		Assigner.Result result = Assigner.assign(s.items(), s.experts(), s.conflicts(), s.existing(), perItem, perExpert);

		Map<ExpertId, Integer> load = new HashMap<>();
		Map<ReviewItemId, Integer> reviewers = new HashMap<>();
		Set<Assigner.Pair> all = new HashSet<>(s.existing());
		s.existing().forEach(p -> {
			load.merge(p.expert(), 1, Integer::sum);
			reviewers.merge(p.item(), 1, Integer::sum);
		});
		for (Assigner.Pair pair : result.added()) {
			assertThat(s.conflicts()).doesNotContain(pair);
			assertThat(all.add(pair)).as("assigned twice: %s", pair).isTrue();
			load.merge(pair.expert(), 1, Integer::sum);
			reviewers.merge(pair.item(), 1, Integer::sum);
			Assigner.Candidate item = s.items().stream().filter(i -> i.item().equals(pair.item())).findFirst().orElseThrow();
			Expert expert = s.experts().stream().filter(e -> e.id().equals(pair.expert())).findFirst().orElseThrow();
			assertThat(item.fieldCodes().isEmpty() || expert.matchesAnyField(item.fieldCodes())).isTrue();
		}
		// new assignments never push an expert over the limit (existing ones are never removed)
		for (Expert e : s.experts()) {
			long existing = s.existing().stream().filter(p -> p.expert().equals(e.id())).count();
			assertThat(load.getOrDefault(e.id(), 0)).isLessThanOrEqualTo((int) Math.max(perExpert, existing));
		}
		for (Assigner.Candidate item : s.items()) {
			int count = reviewers.getOrDefault(item.item(), 0);
			long existing = s.existing().stream().filter(p -> p.item().equals(item.item())).count();
			assertThat(count).isLessThanOrEqualTo((int) Math.max(perItem, existing));
			if (count < perItem) {
				assertThat(result.shortfalls()).containsEntry(item.item(), perItem - count);
			}
			else {
				assertThat(result.shortfalls()).doesNotContainKey(item.item());
			}
		}
	}

	@Property(tries = 200)
	void whenEveryoneIsEligibleAndCapacitySufficesEveryItemIsCoveredAndLoadsDifferByAtMostOne(
			@ForAll @IntRange(min = 1, max = 40) int itemCount, @ForAll @IntRange(min = 1, max = 15) int expertCount,
			@ForAll @IntRange(min = 1, max = 5) int perItem, @ForAll @IntRange(min = 1, max = 30) int perExpert) {
		if (expertCount < perItem || expertCount * perExpert < itemCount * perItem) {
			return;
		}
		List<Assigner.Candidate> items = new ArrayList<>();
		for (int i = 0; i < itemCount; i++) {
			items.add(new Assigner.Candidate(new ReviewItemId(new UUID(0, i)), Set.of("rail")));
		}
		List<Expert> experts = new ArrayList<>();
		for (int e = 0; e < expertCount; e++) {
			experts.add(expert("e" + e, Set.of("rail", "optics")));
		}
		Assigner.Result result = Assigner.assign(items, experts, Set.of(), Set.of(), perItem, perExpert);
		assertThat(result.shortfalls()).isEmpty();
		assertThat(result.added()).hasSize(itemCount * perItem);
		Map<ExpertId, Integer> load = new HashMap<>();
		experts.forEach(e -> load.put(e.id(), 0));
		result.added().forEach(p -> load.merge(p.expert(), 1, Integer::sum));
		int max = load.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
		int min = load.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
		assertThat(max - min).isLessThanOrEqualTo(1);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<Set<String>> fields = Arbitraries.of(FIELDS).set().ofMinSize(0).ofMaxSize(3);
		Arbitrary<List<Set<String>>> itemFields = fields.list().ofMinSize(1).ofMaxSize(25);
		Arbitrary<List<Set<String>>> expertFields = fields.filter(f -> !f.isEmpty()).list().ofMinSize(1).ofMaxSize(12);
		Arbitrary<Long> seed = Arbitraries.longs();
		return Combinators.combine(itemFields, expertFields, seed).as((i, e, sd) -> {
			java.util.Random random = new java.util.Random(sd);
			List<Assigner.Candidate> items = new ArrayList<>();
			for (int k = 0; k < i.size(); k++) {
				items.add(new Assigner.Candidate(new ReviewItemId(new UUID(1, k)), i.get(k)));
			}
			List<Expert> experts = new ArrayList<>();
			for (int k = 0; k < e.size(); k++) {
				experts.add(expert("x" + k, e.get(k)));
			}
			Set<Assigner.Pair> conflicts = new HashSet<>();
			Set<Assigner.Pair> existing = new HashSet<>();
			for (Assigner.Candidate item : items) {
				for (Expert expert : experts) {
					double r = random.nextDouble();
					Assigner.Pair pair = new Assigner.Pair(item.item(), expert.id());
					if (r < 0.2) {
						conflicts.add(pair);
					}
					else if (r < 0.25) {
						existing.add(pair);
					}
				}
			}
			return new Scenario(items, experts, conflicts, existing);
		});
	}

	static Expert expert(String subject, Set<String> fields) {
		return new Expert(new ExpertId(subject), subject, subject, "", subject, fields, List.of(), List.of(), List.of());
	}

}
