package cn.jiangmen.innovation.platform.json;

import tools.jackson.core.JacksonException;

/** The field a JSON reading failure is about, as clients name it: {@code team[2].fullTime}. */
public final class JsonPaths {

	private JsonPaths() {
	}

	/** The path of the failure, or {@code body} when it is about the document as a whole. */
	public static String of(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
