package cn.jiangmen.innovation.platform.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/** Wraps Jackson's own readers of text and times with the checks of {@link SafeText} and {@link SaneTimes}. */
final class StrictValues extends ValueDeserializerModifier {

	@Override
	public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
			ValueDeserializer<?> deserializer) {
		Class<?> type = description.getBeanClass();
		if (type == String.class || type == Instant.class || type == LocalDate.class || type == LocalDateTime.class
				|| type == OffsetDateTime.class || type == ZonedDateTime.class) {
			return new Checked(deserializer);
		}
		return deserializer;
	}

	static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			Object value = super.deserialize(parser, context);
			String problem = value instanceof String text ? SafeText.problem(text) : SaneTimes.problem(value);
			if (problem != null) {
				return context.reportInputMismatch(this, problem);
			}
			return value;
		}

	}

}
