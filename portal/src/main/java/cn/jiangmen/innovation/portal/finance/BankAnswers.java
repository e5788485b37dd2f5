package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.util.MultiValueMap;

/**
 * The bank's answer for the lines of a sent batch as finance typed it (a simplified pain.002):
 * per line {@code answer-<n>} = {@code paid}, {@code rejected} or nothing yet, and
 * {@code reason-<n>} the bank's reason for a rejection. Only lines still waiting for the bank count.
 */
public final class BankAnswers {

	/** funding-service's own limit on a bank reason. */
	static final int MAX_REASON = 300;

	/**
	 * One line's answer.
	 *
	 * @param line the batch line
	 * @param answer "paid", "rejected" or "" (not answered yet)
	 * @param reason the bank's reason, "" unless rejected
	 */
	public record Answer(BatchView.Line line, String answer, String reason) {

		public String endToEndId() {
			return this.line.endToEndId();
		}

		public boolean paid() {
			return "paid".equals(this.answer);
		}

		public boolean given() {
			return !this.answer.isEmpty();
		}

	}

	private final Map<Integer, Answer> answers;

	private BankAnswers(Map<Integer, Answer> answers) {
		this.answers = answers;
	}

	static BankAnswers empty() {
		return new BankAnswers(Map.of());
	}

	static BankAnswers read(BatchView batch, MultiValueMap<String, String> form) {
		Map<Integer, Answer> answers = new LinkedHashMap<>();
		for (BatchView.Line line : batch.awaitingBank()) {
			String answer = value(form, "answer-" + line.number());
			if (!BatchPagesController.ANSWERS.contains(answer)) {
				answer = "";
			}
			String reason = "rejected".equals(answer) ? value(form, "reason-" + line.number()) : "";
			answers.put(line.number(), new Answer(line, answer, reason));
		}
		return new BankAnswers(answers);
	}

	private static String value(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value.strip();
	}

	/** The choice of a line ("" when none), for the form shown again. */
	public String answer(int line) {
		Answer a = this.answers.get(line);
		return a == null ? "" : a.answer();
	}

	public String reason(int line) {
		Answer a = this.answers.get(line);
		return a == null ? "" : a.reason();
	}

	public List<Answer> given() {
		return this.answers.values().stream().filter(Answer::given).toList();
	}

	public List<Answer> open() {
		return this.answers.values().stream().filter(a -> !a.given()).toList();
	}

	/** A rejection needs the bank's reason (at most 300 characters); at least one line must be answered. */
	FieldErrors errors() {
		List<Rejected.Violation> problems = new ArrayList<>();
		for (Answer a : this.answers.values()) {
			if ("rejected".equals(a.answer()) && a.reason().isEmpty()) {
				problems.add(new Rejected.Violation("reason-" + a.line().number(), "bank-reason.required"));
			}
			else if (a.reason().length() > MAX_REASON) {
				problems.add(new Rejected.Violation("reason-" + a.line().number(), "bank-reason.too-long"));
			}
		}
		if (given().isEmpty() && !this.answers.isEmpty()) {
			problems.add(new Rejected.Violation("answer-" + this.answers.keySet().iterator().next(),
					"bank-answer.none"));
		}
		return problems.isEmpty() ? FieldErrors.none() : FieldErrors.of("finance", problems, UnaryOperator.identity());
	}

}
