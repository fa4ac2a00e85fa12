package io.sangdam.platform.web;

import com.fasterxml.jackson.annotation.Nulls;
import io.sangdam.platform.StorableText;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * JSON as HTTP requests and answers carry it: the application's mapper plus the checks of {@link
 * StorableText} on every string (values and map keys), no null element in any list, array or map,
 * and only finite numbers, both ways. A NaN or infinite double is refused in a request and written
 * as {@code null} in an answer (Jackson would write the string {@code "Infinity"}, which no client
 * expects where a number belongs).
 *
 * <p>Only the HTTP message converter uses this mapper. The application's own mapper also reads
 * what the server stored itself (routing commands, events), which must keep reading as it was
 * written.
 */
@Configuration(proxyBeanMethods = false)
class CheckedJson {

    /** After Spring Boot's own customizer, which installs the application's mapper unchecked. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer checkedJsonConverter(JsonMapper application) {
        JsonMapper checked = checked(application);
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(checked));
    }

    static JsonMapper checked(JsonMapper application) {
        var module = new SimpleModule("sangdam-checked-json");
        module.addDeserializer(String.class, new CheckedString(StorableText.MAXIMUM_LENGTH));
        module.addKeyDeserializer(String.class, new CheckedKey());
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(double.class, new FiniteDouble(Double.TYPE, 0.0));
        module.addSerializer(Double.class, new FiniteOrNull());
        module.addSerializer(double.class, new FiniteOrNull());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return new CheckedEnum(deserializer);
            }
        });
        return application
                .rebuild()
                .addModule(module)
                .changeDefaultNullHandling(handling -> handling.withContentNulls(Nulls.FAIL))
                .build();
    }

    /**
     * A request's value that breaks a rule of {@link StorableText} or is not a finite number. Its
     * {@link #getPath()} names the field; {@link ApiErrors} answers it with {@link #code()}.
     */
    static final class RejectedInput extends MismatchedInputException {

        private final String code;
        private final int maximumLength;

        RejectedInput(@Nullable JsonParser parser, String code, int maximumLength) {
            super(parser, code);
            this.code = code;
            this.maximumLength = maximumLength;
        }

        String code() {
            return code;
        }

        int maximumLength() {
            return maximumLength;
        }
    }

    private static String checked(String text, int maximumLength, @Nullable JsonParser parser) {
        StorableText.Fault fault = StorableText.faultIn(text, maximumLength);
        if (fault != null) {
            throw new RejectedInput(parser, fault.code(), maximumLength);
        }
        return text;
    }

    /**
     * Strings, with the global length limit unless the field itself documents a larger one with
     * {@code @Size(max = …)} (a chat message may be long; the limit of a list's {@code @Size} is its
     * number of elements and says nothing of theirs).
     */
    private static final class CheckedString extends StdScalarDeserializer<String> {

        private final int maximumLength;

        CheckedString(int maximumLength) {
            super(String.class);
            this.maximumLength = maximumLength;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
            if (property == null || property.getType().getRawClass() != String.class) {
                return this;
            }
            Size size = property.getAnnotation(Size.class);
            return size != null && size.max() > StorableText.MAXIMUM_LENGTH ? new CheckedString(size.max()) : this;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            return text == null ? null : checked(text, maximumLength, parser);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    /**
     * Enum names are text too: Jackson trims what does not match before it tries again, and its trim
     * removes NUL and every other control character, so AGENT followed by a NUL was read as AGENT.
     */
    private static final class CheckedEnum extends DelegatingDeserializer {

        CheckedEnum(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                checked(parser.getString(), StorableText.MAXIMUM_LENGTH, parser);
            }
            return super.deserialize(parser, context);
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            return checked(key, StorableText.MAXIMUM_LENGTH, context.getParser());
        }
    }

    private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        FiniteDouble(Class<Double> type, @Nullable Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Double value = super.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw new RejectedInput(parser, "non-finite-number", 0);
            }
            return value;
        }
    }

    private static final class FiniteOrNull extends StdScalarSerializer<Double> {

        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context)
                throws JacksonException {
            if (Double.isFinite(value)) {
                generator.writeNumber(value);
            } else {
                generator.writeNull();
            }
        }
    }
}
