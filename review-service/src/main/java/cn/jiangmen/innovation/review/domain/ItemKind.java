package cn.jiangmen.innovation.review.domain;

import java.util.Optional;

/**
 * What a review item is: a talent application, a project proposal (申报书), a project's mid-term
 * check (中期检查) or its final acceptance (验收). A round holds items of one kind and scores them with
 * that kind's rubric ({@link StandardRubrics}); the outcome of a check goes back to the owner's check
 * round, not to a proposal.
 */
public enum ItemKind {

	APPLICATION(OwningContext.TALENT), PROPOSAL(OwningContext.PROJECT), MID_TERM_CHECK(OwningContext.PROJECT),
	FINAL_ACCEPTANCE(OwningContext.PROJECT);

	private final OwningContext owner;

	ItemKind(OwningContext owner) {
		this.owner = owner;
	}

	/** The kind an owner's items had before kinds existed: messages already queued say none. */
	public static Optional<ItemKind> firstOf(OwningContext context) {
		if (context == null) {
			return Optional.empty();
		}
		return Optional.of(context == OwningContext.TALENT ? APPLICATION : PROPOSAL);
	}

	public boolean belongsTo(OwningContext context) {
		return this.owner == context;
	}

	/** A mid-term check or final acceptance of a running project (not a proposal or application). */
	public boolean isCheck() {
		return this == MID_TERM_CHECK || this == FINAL_ACCEPTANCE;
	}

}
