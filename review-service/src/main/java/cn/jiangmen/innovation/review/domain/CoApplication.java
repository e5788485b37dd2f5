package cn.jiangmen.innovation.review.domain;

import java.util.Objects;

/** The expert applied for funding together with a person (identified by their person key) in a year. */
public record CoApplication(String personKey, int year) {

	public CoApplication {
		Objects.requireNonNull(personKey, "personKey");
	}

}
